/**
 * A small work summary written for these tests (an invented county agriculture bureau), with
 * unfilled metrics (`X户`), in the layouts the importer reads: `一、` sections, `（一）` run-in
 * headings with joined work items, separate work items, a problems and a plans section, a
 * closing and a sign-off.
 */
export const draft = `青禾县农业农村局2024年上半年工作总结

今年以来，我局围绕乡村振兴总体部署，稳粮保供、强基固本，各项工作取得阶段性进展。现将上半年工作总结如下。
一、稳住粮食生产基本盘
（一）抓好春耕备耕。一是落实种粮补贴政策，发放补贴资金X万元，惠及农户X户。二是组织农技人员下田指导，开展现场培训X场次。
（二）推进高标准农田建设。新开工高标准农田X万亩，完成年度任务的X%。
二、促进农民持续增收
一是培育新型经营主体，新增家庭农场X家、农民合作社X个。
二是发展庭院经济和乡村旅游，带动本地务工X人。
三、存在的问题
一是农业基础设施仍有短板，部分灌溉渠系老化。二是农产品品牌影响力不强，精深加工不足。
四、下半年工作打算
一是抓好秋粮田间管理，确保粮食播种面积稳定。二是加快农田水利设施改造，提升抗灾减灾能力。
总之，我们将以更加务实的作风，全力完成全年目标任务。

青禾县农业农村局
2024年7月8日
`

/** The unfilled metrics of {@link draft}, in order, with the place `validate` prints for each (the work item after its section). */
export const draftMetrics = [
  { text: 'X万元', where: '第一部分（一）第1项' },
  { text: 'X户', where: '第一部分（一）第1项' },
  { text: 'X场次', where: '第一部分（一）第2项' },
  { text: 'X万亩', where: '第一部分（二）' },
  { text: 'X%', where: '第一部分（二）' },
  { text: 'X家', where: '第二部分第1项' },
  { text: 'X个', where: '第二部分第1项' },
  { text: 'X人', where: '第二部分第2项' },
]

/** {@link draft} with every metric filled in. */
export const filled = draft
  .replace('X万元', '386万元')
  .replace('X户', '5120户')
  .replace('X场次', '46场次')
  .replace('X万亩', '2.4万亩')
  .replace('X%', '60%')
  .replace('X家', '35家')
  .replace('X个', '12个')
  .replace('X人', '870人')

/** A short summary with two things the importer repairs and reports: a half-width bracket and an ordinal out of sequence. */
export const repaired = `青禾县农业农村局2024年一季度工作总结

一季度，我局扎实推进各项重点工作。
一、主要工作
(一)抓好春耕备耕。组织农技人员下田指导。
（二）推进农田建设。新开工高标准农田一片。
二、下一步打算
一是抓好田间管理。
三是加快设施改造。
`
