/**
 * Summaries the export tests write: one that has every part the schema knows (subtitle, sections of
 * all four levels, run-in headings at levels 2 to 4, joined and separate work-item lists with an
 * introduction and a note, bold, filled and unfilled metrics and blanks, numbered problems and plans,
 * a closing and a sign-off), the model's templates, and the real summaries of `../shared/corpus`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Node } from 'prosemirror-model'
import { importText, newFromTemplate, templates, type MetricAttrs, type BlankAttrs } from '@zongjie/model'
import { doc, section, roleSection, p, items, intro, item, note, metric, blank, bold } from '../../model/test/arbitrary.ts'

/** Options of {@link everyPart}. */
export interface EveryPartOptions {
  /** Fill every metric and blank (so that the validator finds no error). */
  filled?: boolean
  /** The sign-off's organisation and date. */
  signOff?: readonly [string, string]
  /** The title. */
  title?: string
}

/** A summary with every part, in the project's own words. */
export function everyPart(options: EveryPartOptions = {}): Node {
  const { filled = false, signOff = ['示范县民政局', '2024年7月10日'], title = '示范县民政局2024年上半年工作总结' } = options
  const m = (attrs: Partial<MetricAttrs>) =>
    metric(filled ? { ...attrs, value: attrs.value ?? 3, upper: attrs.range ? (attrs.upper ?? 5) : null } : attrs)
  const b = (attrs: Partial<BlankAttrs>) => blank(filled ? { ...attrs, value: attrs.value ?? '城南镇' } : attrs)
  return doc({
    title,
    subtitle: '——兜牢民生底线 提升为民服务水平',
    preamble: [p('今年以来，我局坚持以人民为中心的发展思想，围绕“兜底线、织密网、建机制”的要求，各项工作稳步推进。现将有关情况总结如下：')],
    sections: [
      section(1, '强化兜底保障，困难群众基本生活得到有效保障', [
        p('全局上下把兜底保障作为首要任务，', bold('一月一调度'), '，确保政策落到实处。'),
        section(2, '落实社会救助政策', [
          items(
            'joined',
            intro('重点抓了三项工作。'),
            item('开展动态排查，新纳入低保对象', m({ unit: '户' }), '；'),
            item('提高保障标准，月人均补助达到', m({ value: 620, unit: '元' }), '；'),
            item('加强临时救助，救助', m({ value: null, range: true, unit: '人次' }), '。'),
          ),
        ], { runIn: true }),
        section(2, '规范救助资金管理', [
          items(
            'separate',
            item('开展资金专项检查，覆盖', b({ label: '乡镇' }), '等', m({ value: 12, unit: '个' }), '乡镇。'),
            note('检查中发现的问题已全部整改到位。'),
            item('在', b({ value: '城关镇', label: '乡镇' }), '试点资金“一卡通”发放，发放准确率', m({ value: 99.5, unit: '%' }), '。'),
          ),
          section(3, '完善审批流程', [p('推行“一门受理、协同办理”，审批时限压缩至', m({ value: 10, range: true, upper: null, unit: '个工作日' }), '以内。')], { runIn: true }),
          section(3, '加强信息比对', [
            p('依托大数据平台开展信息核对。'),
            section(4, '核对范围', [p('覆盖车辆、房产、工商等', m({ value: 8, unit: '类' }), '信息。')], { runIn: true }),
            section(4, '核对结果运用', [p('对不符合条件的对象及时清退……')]),
          ]),
        ]),
      ]),
      section(1, '深化养老服务，养老服务体系更加健全', [
        section(3, '建设社区养老服务站', [p('新建社区养老服务站', m({ value: 6, unit: '个' }), '。')], { runIn: true }),
      ]),
      roleSection('problems', '存在的问题', [items('joined', item('基层经办力量不足；'), item('信息化水平有待提升。'))]),
      roleSection('plans', '下半年工作计划', [items('separate', item('持续完善救助政策体系。'), item('加快推进养老服务设施建设。'))]),
    ],
    closing: [p('我们将以更加务实的作风，推动民政事业高质量发展。')],
    signOff: [signOff[0], signOff[1]],
  })
}

/** The model's templates, as new documents for a county office. */
export function templateDocs(): { name: string; doc: Node }[] {
  return templates.map((t) => ({ name: `template ${t.id}`, doc: newFromTemplate(t.id, { organization: '示范县', year: 2024, period: 'first-half' }) }))
}

/** Where the real summaries are, beside the project. */
export const corpusDir = join(import.meta.dirname, '../../../../shared/corpus')

/** Whether they are there; when not, the tests that read them skip, saying so. */
export const corpusPresent = existsSync(corpusDir)
if (!corpusPresent) console.warn(`\n*** ${corpusDir} is missing: the Word export's corpus tests are skipped. ***\n`)

/** The real summaries, imported with the model's importer. */
export function corpusDocs(): { name: string; doc: Node }[] {
  if (!corpusPresent) return []
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `corpus ${f}`, doc: importText(readFileSync(join(corpusDir, f), 'utf8')).doc }))
}
