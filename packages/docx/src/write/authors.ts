import type { CommentAuthor } from '@zongjie/model'
import { wordText } from './xml-chars.ts'

/**
 * An author of comments and suggestions as Word shows them (`w:author`): the name, with the role
 * after it in full-width brackets when the author has one (`张三（办公室）`), as the editor's panels
 * and the review HTML show it, without the characters a Word file cannot hold. Comments and tracked
 * changes by one author so carry the same name, and Word gives them one colour.
 */
export function wordAuthor(author: CommentAuthor): string {
  return wordText(author.role ? `${author.name}（${author.role}）` : author.name)
}

/** Word's initials of an author (`w:initials`): the first character of a Chinese name, the capitals of a Latin one; the role left out. */
export function wordInitials(author: CommentAuthor): string {
  const name = wordText(author.name)
  const capitals = name.match(/\b[A-Za-z]/g)
  return capitals && /^[\x20-\x7e]+$/.test(name) ? capitals.join('').toUpperCase().slice(0, 3) : ([...name][0] ?? '')
}
