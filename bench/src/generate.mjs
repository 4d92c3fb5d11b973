// The bench's documents: a seeded, deterministic generator of Chinese work summaries (工作总结).
//
// A document of n blocks is one block a line: the title, nine opening paragraphs, then groups of
// ten blocks, each a heading followed by two paragraphs, three work items (一是 二是 三是) and four
// paragraphs. One heading in five is a top-level `一、` heading, the others `（一）` headings under
// it. Paragraphs and items run to about 100 characters; one body block in five carries metric
// fields (`X名`, `22个`). Nothing depends on the clock or Math.random: the same seed gives the same
// text on every machine.
//
// The same blocks are written two ways:
//  - for Zongjie, as the plain text a writer would paste (`zongjieText`), which the model's
//    importText turns into structure (numbers and ordinals recomputed, fields read);
//  - for bare ProseMirror (prosemirror-schema-basic), as headings (title 1, `一、` 2, `（一）` 3) and
//    paragraphs holding exactly the same text, numbers included (`baselineJSON`).
// `lines` is the text of the n blocks in order: Zongjie's `toText` (blank lines aside) and the
// baseline's textblocks must both read exactly these.

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const units = ['', '十', '百', '千']

/** Chinese numerals as the model writes section numbers (1 → 一, 11 → 十一, 105 → 一百零五), below 10,000. */
export function chineseNumeral(n) {
  if (!Number.isInteger(n) || n < 1 || n >= 10000) throw new RangeError(`chineseNumeral: ${n}`)
  let out = ''
  let zero = false
  for (let u = 3; u >= 0; u--) {
    const d = Math.floor(n / 10 ** u) % 10
    if (d === 0) {
      if (out) zero = true
      continue
    }
    if (zero) out += '零'
    zero = false
    if (u === 1 && d === 1 && !out) out += '十'
    else out += digits[d] + units[u]
  }
  return out
}

// Word pools. None holds 是 (work-item ordinals are only where the generator puts them), X or a digit
// (fields are only where it puts them), nor the wording by which the importer recognises a problems
// or plans part, a closing or a sign-off.
const openers = ['今年以来，', '上半年，', '围绕年度目标任务，', '按照局党组部署，', '在上级部门的指导下，', '对照全年工作要点，', '结合我区实际，', '本着务实高效的原则，']
const subjects = ['我局', '各科室', '全体干部职工', '基层站所', '局机关', '各街道民政办', '窗口工作人员', '业务骨干']
const verbs = ['扎实推进', '认真落实', '持续深化', '全面加强', '统筹抓好', '积极开展', '不断完善', '稳步推进', '着力规范', '协调推动']
const objects = [
  '社区养老服务体系建设',
  '困难群众救助帮扶工作',
  '婚姻登记规范化管理',
  '社会组织登记审查',
  '殡葬领域专项整治',
  '儿童福利保障工作',
  '慈善捐赠资金监管',
  '区划地名标准化建设',
  '残疾人两项补贴发放',
  '城乡低保动态管理',
  '志愿服务队伍培育',
  '社会工作人才培养',
]
const results = ['取得了明显成效', '群众满意度稳步提升', '各项任务有序推进', '工作机制不断健全', '服务质量持续提高', '基础工作更加扎实', '保障水平进一步提升', '规范化程度明显提高']
const means = ['建立健全工作台账', '细化责任分工', '强化督促检查', '加强部门协作', '完善考核办法', '压实工作责任', '优化办事流程', '推行一次办好']
const metricClauses = [
  (r) => `全年累计培训基层干部${pick(r, ['X', 'X', '36', '128'])}名`,
  (r) => `新建社区服务站点${pick(r, ['X', '22', '15'])}个`,
  (r) => `走访慰问困难家庭${pick(r, ['X', '460', '1200'])}户`,
  (r) => `发放各类救助资金${pick(r, ['X', '85', '312'])}万元`,
  (r) => `开展专题培训${pick(r, ['X', '12', '9'])}场`,
  (r) => `办理各类业务${pick(r, ['X', '2345', '980'])}件`,
]
const headingVerbs = ['坚持', '强化', '聚焦', '深化', '狠抓', '筑牢', '做实', '提升']
const headingTopics = ['党建引领', '民生保障', '基层治理', '作风建设', '安全生产', '服务效能', '社会救助', '队伍建设', '养老服务', '儿童关爱', '慈善事业', '制度建设']
const headingTails = ['，推动工作落地见效', '，夯实发展基础', '，增进民生福祉', '，提升服务水平', '', '']
const itemHeads = ['加强组织领导', '完善工作机制', '强化宣传引导', '抓好督查问效', '注重示范带动', '严格资金管理', '推动信息共享', '做好应急准备']

function pick(r, list) {
  return list[Math.floor(r() * list.length)]
}

function clause(r) {
  return pick(r, subjects) + pick(r, verbs) + pick(r, objects) + '，' + pick(r, means) + '，' + pick(r, results)
}

/** A body sentence run of about 100 characters; with a metric clause when `metric`. */
function bodyText(r, metric, lead = '') {
  let text = lead || pick(r, openers)
  let first = true
  while (text.length < 88) {
    if (!first) text += '；'
    text += clause(r)
    if (metric && first) text += '，' + pick(r, metricClauses)(r)
    first = false
  }
  return text + '。'
}

function headingTitle(r) {
  return pick(r, headingVerbs) + pick(r, headingTopics) + pick(r, headingTails)
}

/**
 * The blocks of a document of `n` blocks (n ≥ 1): `{ kind, text, level }` with kind `title`,
 * `heading` (level 1 for `一、`, 2 for `（一）`), `paragraph` or `item`; `text` as displayed,
 * numbers and ordinals included.
 */
export function generateBlocks(n, seed = 1) {
  const r = prng(seed)
  const blocks = [{ kind: 'title', level: 0, text: '城东区民政局2024年上半年工作总结' }]
  let top = 0
  let sub = 0
  let body = 0
  let heading = 0
  let item = 0
  for (let i = 1; i < n; i++) {
    const slot = i % 10
    if (i >= 10 && slot === 0) {
      heading++
      if ((heading - 1) % 5 === 0) {
        top++
        sub = 0
        blocks.push({ kind: 'heading', level: 1, text: `${chineseNumeral(top)}、${headingTitle(r)}` })
      } else {
        sub++
        blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumeral(sub)}）${headingTitle(r)}` })
      }
      continue
    }
    const metric = body++ % 5 === 2
    if (i >= 10 && slot >= 3 && slot <= 5) {
      item = slot - 2
      const head = pick(r, itemHeads) + '，'
      blocks.push({ kind: 'item', level: 0, text: `${chineseNumeral(item)}是` + bodyText(r, metric, head) })
    } else blocks.push({ kind: 'paragraph', level: 0, text: bodyText(r, metric) })
  }
  return blocks
}

/** The text of the blocks as a writer would paste it: one block a line. */
export function zongjieText(blocks) {
  return blocks.map((b) => b.text).join('\n') + '\n'
}

/** The blocks as a prosemirror-schema-basic document (JSON): headings and paragraphs with the same text. */
export function baselineJSON(blocks) {
  return {
    type: 'doc',
    content: blocks.map((b) =>
      b.kind === 'title' || b.kind === 'heading'
        ? { type: 'heading', attrs: { level: b.kind === 'title' ? 1 : b.level + 1 }, content: [{ type: 'text', text: b.text }] }
        : { type: 'paragraph', content: [{ type: 'text', text: b.text }] },
    ),
  }
}

/**
 * A summary's body as plain text of about `chars` characters (whole lines), for pasting: two
 * opening paragraphs, then `一、` sections with `（一）` sections, items and metrics.
 */
export function pasteText(chars, seed = 7) {
  const blocks = generateBlocks(Math.ceil(chars / 80) + 20, seed).slice(1)
  const lines = []
  let length = 0
  for (const b of blocks) {
    if (length + b.text.length + 1 > chars && lines.length) break
    lines.push(b.text)
    length += b.text.length + 1
  }
  return lines.join('\n')
}

/** The smallest generated summary whose text is at least `bytes` bytes of UTF-8. */
export function textOfBytes(bytes, seed = 3) {
  let n = Math.ceil(bytes / 300)
  for (;;) {
    const text = zongjieText(generateBlocks(n, seed))
    if (Buffer.byteLength(text) >= bytes) return { n, text }
    n = Math.ceil(n * 1.05) + 10
  }
}

/** Indices (into the blocks) the cases use: a plain paragraph near the middle (no field), the second top-level heading. */
export function landmarks(blocks) {
  let middle = Math.floor(blocks.length / 2)
  const plain = (b) => b.kind === 'paragraph' && !/[X\d]/.test(b.text)
  while (middle < blocks.length && !plain(blocks[middle])) middle++
  if (middle >= blocks.length) throw new Error('landmarks: no plain paragraph after the middle')
  const tops = blocks.flatMap((b, i) => (b.kind === 'heading' && b.level === 1 ? [i] : []))
  if (tops.length < 2) throw new Error('landmarks: fewer than two top-level headings')
  return { middle, secondTop: tops[1] }
}
