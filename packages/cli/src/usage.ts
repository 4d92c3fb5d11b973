import type { CommandName } from './args.ts'

const general = `zongjie —— 工作总结的导入、导出、检查与 JSON Schema

用法：
  zongjie import <文件|-> [--to json|html|text|docx] [--final] [-o 输出文件]
  zongjie validate <文件|->
  zongjie diff <旧版本> <新版本> [--json]
  zongjie schema
  zongjie help [命令]

命令：
  import    读入 Word（.docx）、.txt、.html/.htm 或 .json（Summary JSON 或 ProseMirror
            文档 JSON），输出 Summary JSON（默认）、HTML、纯文本或按公文格式排版的 Word
  validate  检查总结：未填写的指标、空白、编号与结构等问题，每条一行
  diff      比较两个版本：章节的增删、移动与重新编号，段落的改动（标出改动的词语），指标的新旧数值
  schema    输出 Summary JSON 的 JSON Schema

选项：
  -h, --help  显示帮助

文字编码自动识别：UTF-8（带或不带 BOM）、带 BOM 的 UTF-16（LE/BE）、GB18030/GBK。
在仓库根目录运行：pnpm --silent zongjie <命令> …
`

const topics: Record<CommandName, string> = {
  import: `用法：zongjie import <文件|-> [--to json|html|text|docx] [--final] [-o 输出文件]

读入一篇工作总结并按所选格式输出。
  <文件>              Word 文件（.docx，Word 自动编号的标题也能识别）、.txt 纯文本、
                      .html/.htm 网页、.json（Summary JSON 或 {"type":"doc",…}）；
                      Word 文件按内容识别，其他扩展名按内容判断
  -                   从标准输入读取（以 { 开头按 JSON，以 < 开头按 HTML，其余按纯文本）
  -t, --to <格式>     json（默认，Summary JSON）、html、text，或 docx（按 GB/T 9704 公文格式
                      排版的 Word 文件，须配合 -o，或把标准输出重定向到文件）；不写时按 -o 的
                      扩展名（.docx、.html/.htm、.txt、.json）决定，与扩展名不符时报错
  --final             作为定稿输出：文稿还有错误（如未填写的指标）时不输出，逐条列出错误，退出码 1
  -o, --output <文件> 写入文件而不是标准输出；先写临时文件再改名，不会留下写了一半的文件

导入时的提示写到标准错误，每条一行：文件名:行: 内容（Word 文件为 文件名:第N段: 内容）；
提示不影响退出码。旧版 .doc/.wps、设有密码或已损坏的 Word 文件不能读取，另存为 .docx 即可。
退出码：0 成功；1 --final 时文稿有错误；2 用法或输入有误；3 内部错误。
`,
  validate: `用法：zongjie validate <文件|->

读入一篇工作总结（格式同 import）并检查，每条结果一行：级别 代码 位置: 说明。
退出码：有“错误”级别的结果时为 1，否则为 0；2 用法或输入有误；3 内部错误。
`,
  diff: `用法：zongjie diff <旧版本> <新版本> [--json]

比较一篇工作总结的两个版本（每个文件的格式同 import，可以不同），按新版本的阅读顺序每处改动一行：
  修改标题、新增章节、删除章节、移动章节、章节重新编号、修改章节标题、
  新增段落、删除段落、修改段落（[-删去的词语-]{+新增的词语+}）、修改指标（旧值 → 新值）、修改落款。
位置按章节编号给出（如 二、（一）第2段）；删除的内容按旧版本的编号。
  --json              输出 JSON：{"changes":[…]}，每处改动一个对象，kind 为改动的种类
退出码：0 两个版本相同；1 有改动；2 用法或输入有误；3 内部错误。
`,
  schema: `用法：zongjie schema

输出 Summary JSON（import 的默认输出）的 JSON Schema（2020-12）。
`,
}

/** The help text in Chinese: the general usage, or one command's. */
export function usage(topic?: CommandName): string {
  return topic ? topics[topic] : general
}
