import type { TemplateDefinition } from '../template.ts'

/** 通用: the genre's plain shape, for any office. */
export const generic: TemplateDefinition = {
  id: 'generic',
  name: '通用',
  description: '适用于各类机关、事业单位和企业的半年或全年工作总结',
  opening: {
    guidance: '概述总结时段、指导思想和总体成效，以“现将……总结如下：”收束，一般300至500字。',
    length: [300, 500],
    body: ['今年以来，我单位坚持以习近平新时代中国特色社会主义思想为指导，紧紧围绕年度目标任务，统筹推进各项工作，总体进展顺利。完成年度重点任务{重点任务完成数:X项}，完成率{年度任务完成率:X%}。现将有关情况总结如下：'],
  },
  sections: [
    {
      part: 'work-1',
      heading: '主要工作及成效',
      guidance: '按工作板块分条写，每条先概括做法，再用数据说明成效；可用“一是……二是……”列举。',
      length: [1500, 4000],
      fixed: true,
      body: [
        '（一）抓好重点任务落实',
        '一是细化任务分工，制定工作台账{台账事项:X项}；',
        '二是加强督促检查，开展专项督查{专项督查:X次}。',
        '（二）提升服务质量',
        '一是优化办事流程，精简办事环节{精简环节:X个}；',
        '二是听取群众意见，收集意见建议{意见建议:X条}。',
      ],
    },
  ],
  problems: {
    part: 'problems',
    heading: '存在的问题',
    guidance: '实事求是写两至三条不足，每条点明问题和原因，不写成成绩。',
    length: [200, 600],
    fixed: true,
    body: ['一是工作推进还不够平衡；二是队伍能力与新形势要求还有差距。'],
  },
  plans: {
    part: 'plans',
    heading: '下一步工作打算',
    guidance: '针对存在的问题逐条写措施，写明目标和时限，与问题一一对应。',
    length: [300, 1000],
    fixed: true,
    body: ['一是围绕全年目标，倒排工期，确保任务按时完成；二是加强学习培训，提升队伍能力。'],
  },
  closing: {
    guidance: '表明决心，一两句即可。',
    length: [30, 150],
    body: ['我们将继续坚定信心、真抓实干，确保圆满完成全年各项目标任务。'],
  },
}
