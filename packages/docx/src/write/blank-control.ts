import { BuilderElement, StringValueElement, type ParagraphChild, type XmlComponent } from 'docx'
import type { BlankAttrs } from '@zongjie/model'
import { blankControlTag } from '../blank-control.ts'
import { wordText } from './xml-chars.ts'

/**
 * A blank's runs in an inline content control (`w:sdt`), titled with its label and tagged with its
 * placeholder (see `blankControlTag`), so that the reader knows the blank again in a file edited
 * after export.
 */
export function blankControl(attrs: BlankAttrs, runs: readonly ParagraphChild[]): ParagraphChild {
  const label = wordText(attrs.label)
  const properties: XmlComponent[] = [...(label ? [new StringValueElement('w:alias', label)] : []), new StringValueElement('w:tag', blankControlTag(attrs.placeholder))]
  return new BuilderElement({
    name: 'w:sdt',
    children: [new BuilderElement({ name: 'w:sdtPr', children: properties }), new BuilderElement({ name: 'w:sdtContent', children: runs as unknown as XmlComponent[] })],
  }) as unknown as ParagraphChild
}
