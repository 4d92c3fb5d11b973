import type { CommandName } from './args.ts'

const general = `zongjie —— 工作总结的导入、检查与 JSON Schema

用法：
  zongjie import <文件|-> [--to json|html|text] [-o 输出文件]
  zongjie validate <文件|->
  zongjie schema
  zongjie help [命令]

命令：
  import    读入 .txt、.html/.htm 或 .json（Summary JSON 或 ProseMirror 文档 JSON），
            输出 Summary JSON（默认）、HTML 或纯文本
  validate  检查总结：未填写的指标、空白、编号与结构等问题，每条一行
  schema    输出 Summary JSON 的 JSON Schema

选项：
  -h, --help  显示帮助

文字编码自动识别：UTF-8（带或不带 BOM）、带 BOM 的 UTF-16（LE/BE）、GB18030/GBK。
在仓库根目录运行：pnpm --silent zongjie <命令> …
`

const topics: Record<CommandName, string> = {
  import: `用法：zongjie import <文件|-> [--to json|html|text] [-o 输出文件]

读入一篇工作总结并按所选格式输出。
  <文件>              .txt 纯文本、.html/.htm 网页、.json（Summary JSON 或 {"type":"doc",…}）；
                      其他扩展名按内容判断
  -                   从标准输入读取（以 { 开头按 JSON，以 < 开头按 HTML，其余按纯文本）
  -t, --to <格式>     json（默认，Summary JSON）、html 或 text
  -o, --output <文件> 写入文件而不是标准输出；先写临时文件再改名，不会留下写了一半的文件

导入时的提示写到标准错误，每条一行：文件名:行: 内容；提示不影响退出码。
退出码：0 成功；2 用法或输入有误；3 内部错误。
`,
  validate: `用法：zongjie validate <文件|->

读入一篇工作总结（格式同 import）并检查，每条结果一行：级别 代码 位置: 说明。
退出码：有“错误”级别的结果时为 1，否则为 0；2 用法或输入有误；3 内部错误。
`,
  schema: `用法：zongjie schema

输出 Summary JSON（import 的默认输出）的 JSON Schema（2020-12）。
`,
}

/** The help text in Chinese: the general usage, or one command's. */
export function usage(topic?: CommandName): string {
  return topic ? topics[topic] : general
}
