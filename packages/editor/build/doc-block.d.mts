export interface DocTag {
  tag: string
  name: string
  description: string
}
export function docTags(comment: string): DocTag[]
export function classDocTags(source: string, className: string): DocTag[]
