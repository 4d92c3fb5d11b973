import type { CommentsCatalog } from '../catalog.ts'

/** How times are written, made the first time one is. */
let timeFormat: Intl.DateTimeFormat | undefined

/** The comments panel in 简体中文 (the default). */
export const commentsZhCN: CommentsCatalog = {
  lang: 'zh-CN',
  label: '批注',
  title: (open) => (open ? `批注（${open} 条待处理）` : '批注'),
  add: '添加批注',
  addTitle: '对所选文字添加批注；光标在标题中时批注整节（Ctrl+Alt+M）',
  none: '暂无批注',
  text: '批注内容',
  textPlaceholder: '输入批注（Ctrl+Enter 确定，Esc 取消）',
  on: (quote) => `批注“${quote}”`,
  onSection: (heading) => `批注整节“${heading}”`,
  confirm: '确定',
  cancel: '取消',
  selectFirst: '请先选中要批注的文字，或把光标放在要批注的章节标题中',
  noUser: '无法添加或处理批注：页面尚未设置当前用户（编辑器的 user 属性）',
  detached: '原文已删除',
  section: '整节',
  go: '选中原文',
  by: (name, role) => (role ? `${name}（${role}）` : name),
  time: (iso) => {
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : (timeFormat ??= new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' })).format(d)
  },
  resolvedState: '已解决',
  reply: '回复',
  replyText: '回复内容',
  replyPlaceholder: '输入回复（Ctrl+Enter 发送，Esc 取消）',
  send: '发送',
  resolve: '解决',
  reopen: '重新打开',
  delete: '删除',
  deleteTitle: '删除这条批注及其回复（Ctrl+Z 可撤销）',
  deleteReply: '删除回复',
  added: '已添加批注',
  deleted: '已删除批注（Ctrl+Z 可撤销）',
}
