import type { VersionsCatalog } from '../catalog.ts'

/** How times are written, made the first time one is. */
let timeFormat: Intl.DateTimeFormat | undefined

/** The versions panel in 简体中文 (the default). */
export const versionsZhCN: VersionsCatalog = {
  lang: 'zh-CN',
  label: '版本',
  save: '保存版本',
  saveTitle: '把当前稿保存为一个版本，以后可与当前稿比较，或恢复到这个版本',
  name: '版本名称',
  namePlaceholder: '如“初稿”“送审稿”，可不填',
  confirm: '保存',
  cancel: '取消',
  none: '尚未保存版本',
  unnamed: (n) => `版本 ${n}`,
  by: (name, role) => (role ? `${name}（${role}）` : name),
  anonymous: '未署名',
  time: (iso) => {
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : (timeFormat ??= new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' })).format(d)
  },
  compare: '与当前稿比较',
  compareTitle: (label) => `列出当前稿与“${label}”相比的改动`,
  restore: '恢复',
  restoreTitle: (label) => `用“${label}”替换当前稿（Ctrl+Z 可撤销）`,
  saved: (label) => `已保存版本“${label}”`,
  restored: (label) => `已恢复到“${label}”（Ctrl+Z 可撤销）`,
  comparing: (label) => `正在比较“${label}”与当前稿……`,
  compared: (label, count) => (count ? `当前稿与“${label}”相比：${count} 处改动` : `当前稿与“${label}”相同`),
  close: '关闭',
  closeTitle: '关闭比较结果',
  compareFailed: (message) => `无法比较：${message}`,
  kinds: {
    title: '修改标题',
    'section-added': '新增章节',
    'section-removed': '删除章节',
    'section-moved': '移动章节',
    'section-renumbered': '章节重新编号',
    'section-retitled': '修改章节标题',
    'paragraph-added': '新增段落',
    'paragraph-removed': '删除段落',
    'paragraph-changed': '修改段落',
    'metric-changed': '修改指标',
    'sign-off': '修改落款',
  },
  paragraph: (where, n) => `${where}第${n}段`,
  opening: '导语',
  closing: '结尾',
  go: '定位到当前稿中的这一处',
}
