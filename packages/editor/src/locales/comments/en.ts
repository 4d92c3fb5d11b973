import type { CommentsCatalog } from '../catalog.ts'

/** How times are written, made the first time one is. */
let timeFormat: Intl.DateTimeFormat | undefined

/** The comments panel in English. */
export const commentsEn: CommentsCatalog = {
  lang: 'en',
  label: 'Comments',
  title: (open) => (open ? `Comments (${open} open)` : 'Comments'),
  add: 'Add comment',
  addTitle: 'Comment on the selected text; with the cursor in a heading, on the whole section (Ctrl+Alt+M)',
  none: 'No comments',
  text: 'Comment',
  textPlaceholder: 'Type the comment (Ctrl+Enter to add, Esc to cancel)',
  on: (quote) => `On "${quote}"`,
  onSection: (heading) => `On the whole section "${heading}"`,
  confirm: 'Add',
  cancel: 'Cancel',
  selectFirst: 'Select the text to comment on first, or put the cursor in the heading of the section',
  noUser: 'Cannot add or change comments: the page has not set the current user (the editor\'s user property)',
  detached: 'Text deleted',
  section: 'Section',
  go: 'Select the text',
  by: (name, role) => (role ? `${name} (${role})` : name),
  time: (iso) => {
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : (timeFormat ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })).format(d)
  },
  resolvedState: 'Resolved',
  reply: 'Reply',
  replyText: 'Reply',
  replyPlaceholder: 'Type the reply (Ctrl+Enter to send, Esc to cancel)',
  send: 'Send',
  resolve: 'Resolve',
  reopen: 'Reopen',
  delete: 'Delete',
  deleteTitle: 'Delete this comment and its replies (Ctrl+Z undoes)',
  deleteReply: 'Delete reply',
  added: 'Comment added',
  deleted: 'Comment deleted (Ctrl+Z undoes)',
}
