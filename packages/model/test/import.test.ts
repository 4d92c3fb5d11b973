import { describe, it, expect } from 'vitest'
import { importText, toSummary, fromSummary, toText, readFields, ImportError, headingMark, isTypedHeading, type Section, type Metric } from '../src/index.ts'

const flat = (sections: Section[]): Section[] => sections.flatMap((s) => [s, ...flat(s.sections)])
const outline = (text: string) => flat(toSummary(importText(text).doc).sections).map((s) => `${s.level}|${s.number}|${s.role}|${s.runIn ? 'R' : ''}|${s.title}`)
const fieldsOf = (text: string) => {
  const doc = importText(`标题总结\n${text}`).doc
  const s = toSummary(doc)
  return { metrics: s.metrics, blanks: s.blanks }
}
const shown = (m: Metric[]) => m.map((x) => x.text)

describe('importText: headings', () => {
  it('reads every spelling of the four levels and nests them by format', () => {
    const text = [
      '某局2021年工作总结',
      '一年来，我局围绕中心工作开展了以下工作。',
      '一、抓好班子建设',
      '(一)完善制度',
      '1．建立台账',
      '（1）按月更新',
      '(2)按季通报',
      '2、开展督查',
      '（二）加强学习',
      '二、 推进重点项目',
    ].join('\n')
    expect(outline(text)).toEqual([
      '1|一、|work||抓好班子建设',
      '2|（一）|work||完善制度',
      '3|1.|work||建立台账',
      '4|（1）|work||按月更新',
      '4|（2）|work||按季通报',
      '3|2.|work||开展督查',
      '2|（二）|work||加强学习',
      '1|二、|work||推进重点项目',
    ])
    const codes = importText(text).warnings.map((w) => `${w.line}:${w.code}`)
    expect(codes).toEqual(['4:bracket-width', '5:number-punctuation', '7:bracket-width', '8:number-punctuation'])
  })

  it('lets a writer skip a level: 一、 then 1.', () => {
    expect(outline('总结\n一、工作\n1.第一件\n2.第二件\n二、其他')).toEqual(['1|一、|work||工作', '2|1.|work||第一件', '2|2.|work||第二件', '1|二、|work||其他'])
  })

  it('reads a run-in heading: the first sentence is the heading, the rest starts the body', () => {
    const { doc } = importText('总结\n一、主要做法\n（一）压实责任。年初召开专题会议，部署全年任务。\n（二）强化保障。一是落实经费；二是充实人员。')
    const s = toSummary(doc)
    const [a, b] = s.sections[0]!.sections
    expect(a).toMatchObject({ title: '压实责任', runIn: true, body: [{ type: 'paragraph', text: '年初召开专题会议，部署全年任务。' }] })
    expect(b).toMatchObject({ title: '强化保障', runIn: true })
    expect(b!.body[0]).toMatchObject({ type: 'workItems', layout: 'joined', items: [{ ordinal: '一是', lead: '落实经费' }, { ordinal: '二是', lead: '充实人员' }] })
    expect(toText(doc)).toContain('（二）强化保障。一是落实经费；二是充实人员。')
  })

  it('recomputes numbers that do not follow their place, and says so', () => {
    const { doc, warnings } = importText('总结\n一、甲\n三、乙\n（一）丙\n（一）丁')
    expect(flat(toSummary(doc).sections).map((s) => s.number)).toEqual(['一、', '二、', '（一）', '（二）'])
    expect(warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['3:number-repaired', '5:number-repaired'])
  })

  it('makes a lower heading with nothing above it a top-level one, with a warning', () => {
    const { doc, warnings } = importText('总结\n（一）孤立的二级标题\n正文。')
    expect(toSummary(doc).sections[0]).toMatchObject({ level: 1, number: '一、', title: '孤立的二级标题' })
    expect(warnings[0]).toMatchObject({ line: 2, code: 'heading-promoted' })
  })

  it('reads a summary numbered from 1. (no 一、 heading) with its 1. headings as its sections, every level one up, problems and plans found, with one warning', () => {
    const text = ['某局工作总结', '开头。', '1.主要工作', '（1）抓好培训', '培训干部。', '（2）抓好服务', '服务群众。', '2.存在的问题', '力量不足。', '3.下一步工作打算', '加强队伍建设。']
    const { doc, warnings } = importText(text.join('\n'))
    const s = toSummary(doc)
    expect(s.sections.map((x) => [x.number, x.title, x.role, x.sections.map((y) => y.number + y.title)])).toEqual([
      ['一、', '主要工作', 'work', ['（一）抓好培训', '（二）抓好服务']],
      ['二、', '存在的问题', 'problems', []],
      ['三、', '下一步工作打算', 'plans', []],
    ])
    expect(warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['3:heading-promoted'])
    // A summary that has 一、 headings keeps its levels: a （一） before the first is promoted alone.
    expect(flat(toSummary(importText('总结\n（一）甲\n正文。\n一、乙\n（一）丙').doc).sections).map((x) => x.number + x.title)).toEqual(['一、甲', '二、乙', '（一）丙'])
  })

  it('does not take a decimal, a year or a date for a heading', () => {
    expect(outline('总结\n1.5万元资金已拨付。\n2021年3月完成验收。')).toEqual([])
    // Nor a decimal written with a full-width digit.
    expect(outline('总结\n1.５万元资金已拨付。\n1、２月份完成登记。')).toEqual([])
  })

  it('says when a line being typed has become a heading: whatever follows, it stays one', () => {
    // A bracketed number at once; `一、` and `1.` once a word follows them; not a decimal, nor listed numerals, nor numerals that may yet be listed.
    const typed = ['（一）', '(1)', '一、主', '1.组', '1．组', '1、组', '一、二〇二五年工', '一、十四五规']
    const notYet = ['（一', '一、', '1.', '1、', '1.5', '1.５', '1、2', '一、二', '一、二、', '一、二年', '一、二季', '三、四月份', '（〇）', '一是', '12.5万元']
    expect(typed.filter((line) => !isTypedHeading(line))).toEqual([])
    expect(notYet.filter((line) => isTypedHeading(line))).toEqual([])
    // What it says of a whole line is what the importer reads.
    for (const line of [...typed, ...notYet].map((l) => l + '工作')) expect(isTypedHeading(line), line).toBe(headingMark(line) !== null)
  })

  it('does not take numerals listed before what they count for a heading: 一、二季度 is a sentence', () => {
    const text = ['总结', '一、主要工作', '一、二季度，全区共发放救助资金85万元。', '三、四月份开展专项检查，一、二、三等奖各评出若干名。', '二、存在的问题', '人手不足。'].join('\n')
    const { doc, warnings } = importText(text)
    expect(outline(text)).toEqual(['1|一、|work||主要工作', '1|二、|problems||存在的问题'])
    expect(toSummary(doc).sections[0]!.body.map((b) => b.type === 'paragraph' && b.text)).toEqual([
      '一、二季度，全区共发放救助资金85万元。',
      '三、四月份开展专项检查，一、二、三等奖各评出若干名。',
    ])
    expect(warnings).toEqual([])
    // A heading whose title starts with a numeral stays one.
    expect(outline('总结\n一、十四五规划中期评估\n正文。\n二、二〇二五年工作打算\n正文。')).toEqual(['1|一、|work||十四五规划中期评估', '1|二、|plans||二〇二五年工作打算'])
  })
})

describe('importText: work items', () => {
  it('reads items one a paragraph, with a paragraph between two items as a continuation', () => {
    const { doc } = importText('总结\n一、工作\n一是抓学习。每周集中学习。\n二是抓制度。\n制度汇编已印发。\n三是抓落实。\n以上工作均已完成。')
    const body = toSummary(doc).sections[0]!.body
    expect(body).toHaveLength(2)
    expect(body[0]).toMatchObject({ type: 'workItems', layout: 'separate' })
    const list = body[0] as Extract<typeof body[0], { type: 'workItems' }>
    expect(list.items.map((i) => [i.ordinal, i.lead, i.notes?.length ?? 0])).toEqual([['一是', '抓学习', 0], ['二是', '抓制度', 1], ['三是', '抓落实', 0]])
    expect(body[1]).toMatchObject({ type: 'paragraph', text: '以上工作均已完成。' })
  })

  it('reads items run together in one paragraph, with the words before them as the introduction', () => {
    const { doc } = importText('总结\n一、工作\n重点做了三件事。一是修订制度；二是培训骨干；三是开展检查。')
    const block = toSummary(doc).sections[0]!.body[0]!
    expect(block).toMatchObject({ type: 'workItems', layout: 'joined', intro: '重点做了三件事。' })
  })

  it('repairs a repeated ordinal (二是…二是) and reports the line', () => {
    const { doc, warnings } = importText('总结\n一、工作\n一是甲。\n二是乙。\n二是丙。')
    expect(toText(doc)).toContain('三是丙。')
    expect(warnings).toEqual([expect.objectContaining({ line: 5, code: 'ordinal-repaired' })])
    const joined = importText('总结\n一、工作\n一是甲；二是乙；二是丙。')
    expect(toText(joined.doc)).toContain('一是甲；二是乙；三是丙。')
    expect(joined.warnings.map((w) => w.code)).toEqual(['ordinal-repaired'])
  })

  it('leaves 一是 inside a word as text', () => {
    const block = toSummary(importText('总结\n一、工作\n统一是前提，协调是关键。').doc).sections[0]!.body[0]!
    expect(block.type).toBe('paragraph')
  })
})

describe('importText: parts by their wording', () => {
  it('finds numbered problems and plans sections', () => {
    const roles = flat(toSummary(importText('总结\n一、主要工作\n正文。\n二、存在的主要问题及原因\n一是甲。\n三、2022年工作思路\n一是乙。').doc).sections).map((s) => s.role)
    expect(roles).toEqual(['work', 'problems', 'plans'])
  })

  it('finds a plans part with no heading, and a closing', () => {
    const text = ['工作总结', '一、工作', '一是甲。', '二是乙。', '下半年，我们将重点抓好以下工作。', '一是丙。', '二是丁。', '总之，我们将再接再厉。']
    const s = toSummary(importText(text.join('\n')).doc)
    expect(s.sections.map((x) => [x.number, x.role, x.title])).toEqual([['一、', 'work', '工作'], ['', 'plans', '']])
    expect(s.sections[1]!.body.map((b) => b.type)).toEqual(['paragraph', 'workItems'])
    expect(s.closing).toEqual([{ type: 'paragraph', text: '总之，我们将再接再厉。' }])
    expect(toText(importText(text.join('\n')).doc).split('\n').filter(Boolean)).toEqual(text)
  })

  it('reads a last paragraph opening 综上所述 after the plans as the closing, as the editor does when one is typed', () => {
    const text = ['工作总结', '一、工作', '一是甲。', '二、下半年工作计划', '一是乙。', '综上所述，我们将再接再厉。']
    const s = toSummary(importText(text.join('\n')).doc)
    expect(s.closing).toEqual([{ type: 'paragraph', text: '综上所述，我们将再接再厉。' }])
    expect(s.sections[1]!.body.map((b) => b.type)).toEqual(['workItems'])
  })

  it('keeps a paragraph opening 总之 right under the plans heading as the plans, not leaving them empty; the closing read after it; under a subsection heading it is the closing', () => {
    const read = (...lines: string[]) => {
      const s = toSummary(importText(['工作总结', '一、工作', '一是甲。', '二、下半年工作计划', ...lines].join('\n')).doc)
      const plans = s.sections[1]!
      return { plans: plans.body.map((b) => (b.type === 'paragraph' ? b.text : b.type)), subsections: plans.sections.map((x) => x.title), closing: s.closing.map((b) => (b.type === 'paragraph' ? b.text : b.type)) }
    }
    expect(read('总之，下半年我们将继续努力。')).toEqual({ plans: ['总之，下半年我们将继续努力。'], subsections: [], closing: [] })
    expect(read('总之，下半年我们将继续努力。', '综上所述，我们将再接再厉。')).toEqual({ plans: ['总之，下半年我们将继续努力。'], subsections: [], closing: ['综上所述，我们将再接再厉。'] })
    expect(read('（一）抓落实', '总之，我们将再接再厉。')).toEqual({ plans: [], subsections: ['抓落实'], closing: ['总之，我们将再接再厉。'] })
  })

  it('reads a subtitle, a sign-off, and drops advertising above the title with a warning', () => {
    const { doc, warnings } = importText('更多范文请关注本站\n\n某县教育局2021年工作总结\n——以高质量发展为主线\n\n今年以来……\n一、工作\n正文。\n\n某县教育局\n2021年12月20日\n')
    const s = toSummary(doc)
    expect(s.title).toBe('某县教育局2021年工作总结')
    expect(s.subtitle).toBe('——以高质量发展为主线')
    expect(s.signOff).toEqual({ organization: '某县教育局', date: '2021年12月20日' })
    expect(warnings).toEqual([expect.objectContaining({ line: 1, code: 'line-dropped' })])
  })

  it('refuses text with nothing in it', () => {
    expect(() => importText(' \n\u3000\n')).toThrow(ImportError)
  })
})

describe('readFields: metrics and blanks', () => {
  it('reads unfilled metrics in every spelling, with approximations, scales and ranges', () => {
    const { metrics } = fieldsOf('培训X名，覆盖XX个村，慰问x余人次，服务××户，总人口X万多人，投入X万元，建成X-X个，占X%。')
    expect(shown(metrics)).toEqual(['X名', 'XX个', 'x余人次', '××户', 'X万多人', 'X万元', 'X-X个', 'X%'])
    expect(metrics.every((m) => m.value === null && !m.filled)).toBe(true)
    expect(metrics[4]).toMatchObject({ scale: '万', approx: '多', unit: '人' })
    expect(metrics[6]).toMatchObject({ range: true, upper: null })
  })

  it('reads filled metrics as numbers', () => {
    const { metrics } = fieldsOf('完成22个，补助3000-5000元，惠及1600多名，增长12.5%。')
    expect(metrics.map((m) => [m.value, m.upper, m.approx, m.unit])).toEqual([
      [22, null, '', '个'],
      [3000, 5000, '', '元'],
      [1600, null, '多', '名'],
      [12.5, null, '', '%'],
    ])
  })

  it('leaves years, dates, ordinals and codes as text', () => {
    const { metrics, blanks } = fieldsOf('2021年6月底前，第2批，十九届，建党100周年，通过ISO9001认证，H5页面，80岁以上，15分钟。')
    expect(metrics).toEqual([])
    expect(blanks).toEqual([])
  })

  it('reads an X with no unit as a name blank', () => {
    const { metrics, blanks } = fieldsOf('赴X社区调研，学习《X》，XX党组召开会议，X、X等X个村。')
    expect(blanks.map((b) => b.placeholder)).toEqual(['X', 'X', 'XX', 'X', 'X'])
    expect(shown(metrics)).toEqual(['X个'])
  })

  it('takes the longest unit: 场次 over 场', () => {
    expect(shown(fieldsOf('举办X场次，接待X批次。').metrics)).toEqual(['X场次', 'X批次'])
  })

  it('does not take the start of a word for a unit', () => {
    expect(readFields('各X部门').map((n) => n.type.name)).toEqual(['text', 'blank', 'text'])
    expect(readFields('X部').map((n) => n.type.name)).toEqual(['metric'])
  })
})

describe('importText: unnumbered problems and plans headings', () => {
  it('reads short lines that name them after the last section as their headings', () => {
    const text = ['工作总结', '一、工作', '正文。', '存在的不足', '一是甲。', '下步打算', '一是乙。']
    const { doc } = importText(text.join('\n'))
    const s = toSummary(doc)
    expect(s.sections.map((x) => [x.number, x.role, x.title])).toEqual([['一、', 'work', '工作'], ['', 'problems', '存在的不足'], ['', 'plans', '下步打算']])
    expect(toText(doc).split('\n').filter(Boolean)).toEqual(text)
  })
})

describe('importText: problems and plans parts introduced by a lead-in, not numbered', () => {
  const parts = (text: string[]) => {
    const { doc, warnings } = importText(text.join('\n'))
    const s = toSummary(doc)
    return {
      parts: s.sections.map((x) => `${x.number}|${x.role}|${x.title}|${x.body.map((b) => (b.type === 'paragraph' ? b.text : `${b.items.length} items`)).join('/')}|${x.sections.map((c) => c.number + c.title).join(' ')}`),
      warnings: warnings.map((w) => `${w.line}:${w.code}`),
      text: toText(doc).split('\n').filter(Boolean),
    }
  }

  it('makes each its own part with its role when its points start again at （一）: nothing renumbered, the lead-in its opening', () => {
    const text = [
      '某局2024年上半年工作总结',
      '一、主要工作',
      '（一）抓好学习。组织学习X次。',
      '（二）推进项目。完成项目X个。',
      '工作中还存在一些不足，主要表现在以下几个方面：',
      '（一）学习不够深入。个别同志流于形式。',
      '（二）创新不足。方法较为传统。',
      '下一步，我们将重点抓好以下几项工作：',
      '（一）深化学习。持续开展学习。',
      '（二）加快项目。确保按期完成。',
      '总之，我们将继续努力。',
    ]
    const r = parts(text)
    expect(r.parts).toEqual([
      '一、|work|主要工作||（一）抓好学习 （二）推进项目',
      '|problems||工作中还存在一些不足，主要表现在以下几个方面：|（一）学习不够深入 （二）创新不足',
      '|plans||下一步，我们将重点抓好以下几项工作：|（一）深化学习 （二）加快项目',
    ])
    expect(r.warnings).toEqual([])
    // The text comes out as it went in, and reads back the same.
    expect(r.text).toEqual(text)
  })

  it('does the same for points numbered 1. and for 一是 items, and keeps a numbered plans section after an unnumbered problems part', () => {
    const r = parts([
      '某局2024年工作总结',
      '一、主要工作',
      '1.抓好学习。组织学习X次。',
      '2.推进项目。完成项目X个。',
      '当前还存在一些问题：',
      '1.学习不够深入',
      '2.创新不足',
      '二、下一步工作打算',
      '一是深化学习。',
      '二是加快项目。',
    ])
    expect(r.parts).toEqual(['一、|work|主要工作||1.抓好学习 2.推进项目', '|problems||当前还存在一些问题：|1.学习不够深入 2.创新不足', '二、|plans|下一步工作打算|2 items|'])
    expect(r.warnings).toEqual([])
    const items = parts(['某局工作总结', '一、主要工作', '正文。', '但工作中也还存在一些差距和不足：', '一是学习不够深入。', '二是创新不足。'])
    expect(items.parts).toEqual(['一、|work|主要工作|正文。|', '|problems||但工作中也还存在一些差距和不足：/2 items|'])
  })

  it('leaves a lead-in in its section when its wording is not of problems or plans, when it opens a numbered part, or when its points go on', () => {
    // The main work announcing its own points.
    expect(parts(['工作总结', '一、主要工作', '上半年重点抓了以下几项工作：', '（一）学习', '（二）项目']).parts).toEqual(['一、|work|主要工作|上半年重点抓了以下几项工作：|（一）学习 （二）项目'])
    // A numbered plans section's own lead-in.
    expect(parts(['工作总结', '一、主要工作', '正文。', '二、下半年工作计划', '下一步，我们将重点抓好以下几项工作：', '（一）学习', '（二）项目']).parts).toEqual([
      '一、|work|主要工作|正文。|',
      '二、|plans|下半年工作计划|下一步，我们将重点抓好以下几项工作：|（一）学习 （二）项目',
    ])
    // Points that go on from the ones before (（三）) belong to the section before.
    const on = parts(['工作总结', '一、主要工作', '（一）学习', '（二）项目', '下一步，我们将重点抓好以下几项工作：', '（三）作风'])
    expect(on.parts).toEqual(['一、|work|主要工作||（一）学习 （二）项目 （三）作风'])
  })
})

describe('importText: control characters', () => {
  it('removes stray control characters (a bell, a vertical tab) from pasted text and says where, so the summary saves and opens again', () => {
    const { doc, warnings } = importText('关于2025年工作总结\n今年以来\u0007，我局\u000b推进\u001f工作。\n一、主要工作\n做了\u0085很多。')
    expect(toText(doc)).toContain('今年以来，我局推进工作。')
    expect(toText(doc)).toContain('做了很多。')
    expect(warnings.filter((w) => w.code === 'control-characters').map((w) => [w.line, w.message])).toEqual([
      [2, '删除了 3 个控制字符（U+0007、U+000B、U+001F）'],
      [4, '删除了 1 个控制字符（U+0085）'],
    ])
    expect(() => fromSummary(toSummary(doc))).not.toThrow()
  })
})
