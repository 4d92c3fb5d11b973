import type { SuggestionsCatalog } from '../catalog.ts'
import { commentsZhCN } from '../comments/zh-CN.ts'

/** The suggestions panel in 简体中文 (the default). */
export const suggestionsZhCN: SuggestionsCatalog = {
  lang: 'zh-CN',
  label: '修订',
  title: (count) => (count ? `修订（${count} 处待处理）` : '修订'),
  none: '暂无修订',
  view: '显示',
  views: { markup: '修订标记', final: '最终稿', original: '原稿' },
  kinds: { insert: '插入', delete: '删除', structure: '调整结构', field: '修改数值', replace: '替换' },
  noText: '（无文字）',
  go: '选中修订处',
  by: commentsZhCN.by,
  time: commentsZhCN.time,
  accept: '接受',
  reject: '拒绝',
  withdraw: '撤回',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  authorCount: (name, count) => `${name}：${count} 处`,
  acceptAuthor: (name) => `接受${name}的全部修订`,
  rejectAuthor: (name) => `拒绝${name}的全部修订`,
  accepted: (count) => `已接受 ${count} 处修订（Ctrl+Z 可撤销）`,
  rejected: (count) => `已拒绝 ${count} 处修订（Ctrl+Z 可撤销）`,
  refused: {
    join: '修订模式下无法把这两处合并（两节、两组工作事项，或标题与正文）记为修订，此修改未执行；可先接受或拒绝相关修订，或关闭修订后再改',
    split: '修订模式下无法把这一处拆分为两处记为修订，此修改未执行；可先接受或拒绝相关修订，或关闭修订后再改',
    move: '修订模式下无法把章节的上移、下移记为修订，此修改未执行；可先接受或拒绝该节中的修订，或关闭修订后再移动',
    shift: '修订模式下无法把章节的升级、降级（Tab、Shift+Tab）记为修订，此修改未执行；可先接受或拒绝该节中的修订，或关闭修订后再改',
    other: '此修改无法记为修订，未执行；可先接受或拒绝相关修订，或关闭修订后再改',
  },
}
