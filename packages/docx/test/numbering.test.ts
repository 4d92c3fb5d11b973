import { describe, it, expect } from 'vitest'
import { formatNumber, readDocx } from '../src/index.ts'
import { abstractNum, buildDocx, num, para, paragraphStyle, parseXml, summaryLevels, wordHeadingStyles, type LevelSpec } from './docx-builder.ts'

describe('formatNumber: Word number formats', () => {
  const cases: [string, [number, string][]][] = [
    ['decimal', [[1, '1'], [12, '12'], [0, '0']]],
    ['decimalZero', [[3, '03'], [12, '12']]],
    ['decimalFullWidth', [[7, '７'], [12, '１２']]],
    ['decimalEnclosedCircle', [[1, '①'], [20, '⑳'], [21, '21']]],
    ['decimalEnclosedParen', [[3, '⑶']]],
    ['upperLetter', [[1, 'A'], [26, 'Z'], [27, 'AA'], [28, 'BB']]],
    ['lowerLetter', [[3, 'c'], [53, 'aaa']]],
    ['upperRoman', [[4, 'IV'], [9, 'IX'], [14, 'XIV'], [1994, 'MCMXCIV']]],
    ['lowerRoman', [[14, 'xiv']]],
    // Word's chineseCounting: counted to 99, then digit by digit with ○.
    ['chineseCounting', [[1, '一'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九'], [100, '一○○'], [101, '一○一'], [110, '一一○']]],
    // chineseCountingThousand: units, 〇 for a gap.
    ['chineseCountingThousand', [[1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [100, '一百'], [101, '一百〇一'], [110, '一百一十'], [111, '一百一十一'], [1000, '一千'], [1001, '一千〇一'], [1010, '一千〇一十'], [1100, '一千一百'], [1234, '一千二百三十四']]],
    ['taiwaneseCountingThousand', [[11, '十一'], [101, '一百零一']]],
    ['japaneseCounting', [[1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [100, '百'], [101, '百一'], [111, '百十一'], [1000, '千'], [2345, '二千三百四十五']]],
    ['ideographDigital', [[1, '一'], [10, '一○'], [101, '一○一']]],
    ['ideographTraditional', [[1, '甲'], [2, '乙'], [3, '丙'], [10, '癸'], [11, '11']]],
    ['ideographZodiac', [[1, '子'], [12, '亥']]],
    ['chineseLegalSimplified', [[1, '壹'], [2, '贰'], [3, '叁'], [10, '壹拾'], [11, '壹拾壹'], [101, '壹佰零壹'], [2000, '贰仟']]],
    ['ideographLegalTraditional', [[2, '貳'], [3, '參']]],
    ['none', [[5, '']]],
    ['bullet', [[5, '']]],
    ['hebrew1', [[5, '5']]],
  ]
  for (const [format, values] of cases) {
    it(format, () => {
      for (const [n, text] of values) expect(formatNumber(n, format), `${format} ${n}`).toBe(text)
    })
  }
})

/** The texts of a file's paragraphs. */
function texts(parts: { body: string[]; numbering?: string; styles?: string }): string[] {
  return readDocx(buildDocx({ body: parts.body.join(''), numbering: parts.numbering, styles: parts.styles }), parseXml).paragraphs.map((p) => p.text)
}

const level0 = (spec: Partial<LevelSpec> = {}): LevelSpec[] => [{ format: 'chineseCounting', text: '%1、', ...spec }]

describe('list labels from numbering.xml', () => {
  it('puts the label and a tab (Word’s default suffix) before the text, counting from w:start', () => {
    const numbering = abstractNum(0, level0({ start: 3 })) + num(1, 0)
    expect(texts({ numbering, body: [para('甲', { numId: 1, ilvl: 0 }), para('乙', { numId: 1, ilvl: 0 })] })).toEqual(['三、\t甲', '四、\t乙'])
  })

  it('follows w:suff: a space, or nothing', () => {
    const numbering = abstractNum(0, level0({ suffix: 'space' })) + abstractNum(1, level0({ suffix: 'nothing' })) + num(1, 0) + num(2, 1)
    expect(texts({ numbering, body: [para('甲', { numId: 1, ilvl: 0 }), para('乙', { numId: 2, ilvl: 0 })] })).toEqual(['一、 甲', '一、乙'])
  })

  it('restarts the lower levels when a higher one is used', () => {
    const numbering = abstractNum(0, summaryLevels) + num(1, 0)
    const body = [
      para('甲', { numId: 1, ilvl: 0 }),
      para('子', { numId: 1, ilvl: 1 }),
      para('丑', { numId: 1, ilvl: 1 }),
      para('一', { numId: 1, ilvl: 2 }),
      para('乙', { numId: 1, ilvl: 0 }),
      para('子', { numId: 1, ilvl: 1 }),
      para('一', { numId: 1, ilvl: 2 }),
      para('一', { numId: 1, ilvl: 3 }),
    ]
    expect(texts({ numbering, body })).toEqual(['一、\t甲', '（一）\t子', '（二）\t丑', '1.\t一', '二、\t乙', '（一）\t子', '1.\t一', '（1）\t一'])
  })

  it('keeps a level counting across higher ones with w:lvlRestart 0, and restarts it only below level n with n', () => {
    const levels: LevelSpec[] = [
      { format: 'chineseCounting', text: '%1、' },
      { format: 'chineseCounting', text: '（%2）', restart: 0 },
      { format: 'decimal', text: '%3.', restart: 1 },
    ]
    const numbering = abstractNum(0, levels) + num(1, 0)
    const body = [
      para('a', { numId: 1, ilvl: 0 }),
      para('b', { numId: 1, ilvl: 1 }),
      para('c', { numId: 1, ilvl: 2 }),
      para('d', { numId: 1, ilvl: 1 }),
      para('e', { numId: 1, ilvl: 2 }),
      para('f', { numId: 1, ilvl: 0 }),
      para('g', { numId: 1, ilvl: 1 }),
      para('h', { numId: 1, ilvl: 2 }),
    ]
    // Level 2 never restarts; level 3 restarts only below level 1, not below level 2.
    expect(texts({ numbering, body })).toEqual(['一、\ta', '（一）\tb', '1.\tc', '（二）\td', '2.\te', '二、\tf', '（三）\tg', '1.\th'])
  })

  it('formats each placeholder in its own level’s format, or in decimal under w:isLgl', () => {
    const levels: LevelSpec[] = [
      { format: 'chineseCounting', text: '第%1章' },
      { format: 'decimal', text: '%1.%2' },
      { format: 'decimal', text: '%1.%2.%3', legal: true },
    ]
    const numbering = abstractNum(0, levels) + num(1, 0)
    const body = [para('a', { numId: 1, ilvl: 0 }), para('b', { numId: 1, ilvl: 1 }), para('c', { numId: 1, ilvl: 2 }), para('d', { numId: 1, ilvl: 0 }), para('e', { numId: 1, ilvl: 1 })]
    expect(texts({ numbering, body })).toEqual(['第一章\ta', '一.1\tb', '1.1.1\tc', '第二章\td', '二.1\te'])
  })

  it('drops bullet labels', () => {
    const numbering = abstractNum(0, [{ format: 'bullet', text: '' }]) + num(1, 0)
    expect(texts({ numbering, body: [para('要点', { numId: 1, ilvl: 0 })] })).toEqual(['要点'])
  })

  it('writes the Chinese formats as Word does, e.g. chineseCountingThousand and ideographTraditional', () => {
    const numbering =
      abstractNum(0, level0({ format: 'chineseCountingThousand', start: 100 })) +
      abstractNum(1, level0({ format: 'ideographTraditional', text: '%1.' })) +
      abstractNum(2, level0({ format: 'chineseLegalSimplified', text: '%1、' })) +
      num(1, 0) +
      num(2, 1) +
      num(3, 2)
    const body = [para('a', { numId: 1, ilvl: 0 }), para('b', { numId: 1, ilvl: 0 }), para('c', { numId: 2, ilvl: 0 }), para('d', { numId: 2, ilvl: 0 }), para('e', { numId: 3, ilvl: 0 })]
    expect(texts({ numbering, body })).toEqual(['一百、\ta', '一百〇一、\tb', '甲.\tc', '乙.\td', '壹、\te'])
  })

  it('reads a w:numFmt in mc:AlternateContent once: the Fallback when the Choice is Word 2010’s custom format', () => {
    const lvl =
      '<w:lvl w:ilvl="0"><w:start w:val="1"/>' +
      '<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback></mc:AlternateContent>' +
      '<w:lvlText w:val="%1、"/></w:lvl>'
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl}</w:abstractNum>` + num(1, 0)
    expect(texts({ numbering, body: [para('甲', { numId: 1, ilvl: 0 }), para('乙', { numId: 1, ilvl: 0 })] })).toEqual(['一、\t甲', '二、\t乙'])
  })
})

describe('how Word counts across w:num instances of one w:abstractNum', () => {
  const numbering = (nums: string) => abstractNum(0, summaryLevels) + nums

  it('instances of one definition share its count: a list goes on when the paragraphs switch instance', () => {
    const body = [para('a', { numId: 1, ilvl: 0 }), para('b', { numId: 2, ilvl: 0 }), para('c', { numId: 1, ilvl: 0 })]
    expect(texts({ numbering: numbering(num(1, 0) + num(2, 0)), body })).toEqual(['一、\ta', '二、\tb', '三、\tc'])
  })

  it('an instance with a startOverride restarts the level at its first use, and the others go on from there', () => {
    // Five headings on instance 1, one on instance 2 (which starts at 8), two more on instance 1.
    const body = [1, 2, 3, 4, 5].map((i) => para(`h${i}`, { numId: 1, ilvl: 0 })).concat([para('h8', { numId: 2, ilvl: 0 }), para('h9', { numId: 1, ilvl: 0 }), para('h10', { numId: 1, ilvl: 0 })])
    const got = texts({ numbering: numbering(num(1, 0) + num(2, 0, { 0: 8 })), body })
    expect(got.map((t) => t.split('\t')[0])).toEqual(['一、', '二、', '三、', '四、', '五、', '八、', '九、', '十、'])
  })

  it('the override restarts only once: going back to the instance later goes on counting', () => {
    const body = [para('a', { numId: 1, ilvl: 0 }), para('b', { numId: 1, ilvl: 0 }), para('c', { numId: 2, ilvl: 0 }), para('d', { numId: 1, ilvl: 0 }), para('e', { numId: 2, ilvl: 0 })]
    expect(texts({ numbering: numbering(num(1, 0) + num(2, 0, { 0: 1 })), body }).map((t) => t.split('\t')[0])).toEqual(['一、', '二、', '一、', '二、', '三、'])
  })

  it('Word’s “restart numbering” for （一）: a new instance with a startOverride on level 2', () => {
    // Sections numbered 一、 by hand-typed text, their （一） lists restarted by new instances.
    const body = [
      para('主要工作', { numId: 1, ilvl: 1 }),
      para('抓党建', { numId: 1, ilvl: 1 }),
      para('第二部分'),
      para('抓队伍', { numId: 2, ilvl: 1 }),
      para('抓作风', { numId: 2, ilvl: 1 }),
    ]
    expect(texts({ numbering: numbering(num(1, 0) + num(2, 0, { 1: 1 })), body })).toEqual(['（一）\t主要工作', '（二）\t抓党建', '第二部分', '（一）\t抓队伍', '（二）\t抓作风'])
  })

  it('different definitions count apart', () => {
    const nums = abstractNum(0, level0()) + abstractNum(1, level0()) + num(1, 0) + num(2, 1)
    const body = [para('a', { numId: 1, ilvl: 0 }), para('b', { numId: 2, ilvl: 0 }), para('c', { numId: 1, ilvl: 0 })]
    expect(texts({ numbering: nums, body })).toEqual(['一、\ta', '一、\tb', '二、\tc'])
  })

  it('a definition that links to a numbering style (w:numStyleLink) counts with the definition it names', () => {
    const styles = '<w:style w:type="numbering" w:styleId="SummaryList"><w:name w:val="Summary List"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    const nums =
      abstractNum(0, summaryLevels, '<w:styleLink w:val="SummaryList"/>') +
      '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="SummaryList"/></w:abstractNum>' +
      num(1, 0) +
      num(2, 1)
    const body = [para('a', { numId: 1, ilvl: 0 }), para('b', { numId: 2, ilvl: 0 }), para('c', { numId: 2, ilvl: 1 })]
    expect(texts({ numbering: nums, styles, body })).toEqual(['一、\ta', '二、\tb', '（一）\tc'])
  })
})

describe('numbering carried by paragraph styles', () => {
  it('WPS: numeric style ids named 标题 1 / 标题 2, numPr on the style and repeated on the paragraph, counted once', () => {
    const styles =
      paragraphStyle('1', '标题 1', { numId: 3, ilvl: 0 }) +
      paragraphStyle('2', '标题 2', { numId: 3, ilvl: 1 }) +
      paragraphStyle('a', 'Normal') +
      paragraphStyle('3', '标题')
    const numbering = abstractNum(7, summaryLevels) + num(3, 7)
    const body = [
      para('2020年上半年工作总结', { style: '3' }),
      para('开头。', { style: 'a' }),
      para('主要工作', { style: '1', numId: 3, ilvl: 0 }),
      para('抓党建', { style: '2', numId: 3, ilvl: 1 }),
      para('抓队伍', { style: '2' }),
      para('存在的问题', { style: '1', numId: 3, ilvl: 0 }),
    ]
    expect(texts({ styles, numbering, body })).toEqual(['2020年上半年工作总结', '开头。', '一、\t主要工作', '（一）\t抓党建', '（二）\t抓队伍', '二、\t存在的问题'])
  })

  it('Word: the style names the list, the list level names the style (w:lvl/w:pStyle)', () => {
    const styles = paragraphStyle('Heading1', 'heading 1', { numId: 1 }) + paragraphStyle('Heading2', 'heading 2', { numId: 1, basedOn: 'Heading1' })
    const levels = summaryLevels.map((l, i) => (i < 2 ? { ...l, style: `Heading${i + 1}` } : l))
    const numbering = abstractNum(0, levels) + num(1, 0)
    const body = [para('标题'), para('甲', { style: 'Heading1' }), para('子', { style: 'Heading2' }), para('乙', { style: 'Heading1' })]
    expect(texts({ styles, numbering, body })).toEqual(['标题', '一、\t甲', '（一）\t子', '二、\t乙'])
  })

  it('a style based on a numbered style inherits its numbering; numId 0 on the paragraph removes it', () => {
    const styles = paragraphStyle('H1', 'heading 1', { numId: 1, ilvl: 0 }) + paragraphStyle('Mine', '我的标题', { basedOn: 'H1' })
    const numbering = abstractNum(0, summaryLevels) + num(1, 0)
    const body = [para('题目'), para('甲', { style: 'Mine' }), para('说明', { style: 'H1', numId: 0 }), para('乙', { style: 'H1' })]
    expect(texts({ styles, numbering, body })).toEqual(['题目', '一、\t甲', '说明', '二、\t乙'])
  })
})

describe('numbers for headings that show none', () => {
  it('numbers heading styles by their names, counted like a list that restarts below a higher heading; the first paragraph is the title', () => {
    const body = [
      para('2020年上半年工作总结', { style: 'Heading1' }),
      para('开头。'),
      para('主要工作', { style: 'Heading1' }),
      para('抓党建', { style: 'Heading2' }),
      para('学习', { style: 'Heading3' }),
      para('抓队伍', { style: 'Heading2' }),
      para('下半年计划', { style: 'Heading1' }),
      para('抓落实', { style: 'Heading2' }),
      para('细节', { style: 'Heading4' }),
    ]
    expect(texts({ styles: wordHeadingStyles, body })).toEqual(['2020年上半年工作总结', '开头。', '一、主要工作', '（一）抓党建', '1.学习', '（二）抓队伍', '二、下半年计划', '（一）抓落实', '（1）细节'])
  })

  it('leaves a heading whose number is typed, or that a list numbers, as it is', () => {
    const numbering = abstractNum(0, summaryLevels) + num(1, 0)
    const body = [para('总结'), para('一、主要工作', { style: 'Heading1' }), para('(一)抓党建', { style: 'Heading2' }), para('抓队伍', { style: 'Heading2', numId: 1, ilvl: 1 }), para('二、计划', { style: 'Heading1' })]
    expect(texts({ styles: wordHeadingStyles, numbering, body })).toEqual(['总结', '一、主要工作', '(一)抓党建', '（一）\t抓队伍', '二、计划'])
  })

  it('reads heading levels from outline levels (on the paragraph or its style) and WPS names; not from Title, 标题 or levels below 4', () => {
    const styles = paragraphStyle('7', '标题 1') + paragraphStyle('8', '章节', { outlineLevel: 1 }) + paragraphStyle('9', '标题') + paragraphStyle('10', 'heading 5')
    const body = [
      para('附件1'),
      para('2020年工作总结', { style: '9' }),
      para('主要工作', { style: '7' }),
      para('抓党建', { style: '8' }),
      para('抓队伍', { outlineLevel: 1 }),
      para('细目', { style: '10' }),
      para('正文', { style: '8', outlineLevel: 9 }),
    ]
    expect(texts({ styles, body })).toEqual(['附件1', '2020年工作总结', '一、主要工作', '（一）抓党建', '（二）抓队伍', '细目', '正文'])
  })

  it('matches heading style names without regard to case or spaces', () => {
    const styles = paragraphStyle('a1', 'Heading1') + paragraphStyle('a2', 'HEADING  2') + paragraphStyle('a3', '标题3') + paragraphStyle('a4', 'Heading 10')
    const body = [para('总结'), para('甲', { style: 'a1' }), para('乙', { style: 'a2' }), para('丙', { style: 'a3' }), para('丁', { style: 'a4' })]
    expect(texts({ styles, body })).toEqual(['总结', '一、甲', '（一）乙', '1.丙', '丁'])
  })

  it('does not number headings inside tables', () => {
    const body = ['<w:tbl><w:tr><w:tc>' + para('表头', { style: 'Heading1' }) + '</w:tc></w:tr></w:tbl>', para('主要工作', { style: 'Heading1' })]
    expect(texts({ styles: wordHeadingStyles, body: [para('总结'), ...body] })).toEqual(['总结', '表头', '一、主要工作'])
  })
})
