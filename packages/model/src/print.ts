/**
 * The print stylesheet of a summary, after GB/T 9704-2012 (党政机关公文格式): A4; margins 37 mm top,
 * 28 mm left (订口), 26 mm right, 35 mm bottom, so the text block is 156 × 225 mm; 3号 (16 pt) 仿宋
 * body at 22 lines a page (a 28.95 pt line) and 28 characters a line; a 2号 (22 pt) 小标宋 title,
 * centred; level headings in 黑体, 楷体, 仿宋 (bold) and 仿宋; first lines indented two characters;
 * the sign-off set right; the comments (批注) and the suggestions (修订), when the HTML has them,
 * each on a page of their own after the text. Suggested text and blocks are marked as in a word
 * processor: insertions underlined, deletions (and a changed field's old value) struck through, a
 * changed field or block on a tint. Font names are listed as fallback chains across platforms.
 */
export const printStylesheet = `
@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.zj-summary { font-family: '仿宋_GB2312', 'FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Noto Serif SC', serif; font-size: 16pt; line-height: 28.95pt; color: #000; max-width: 156mm; margin: 0 auto; text-align: justify; }
.zj-summary h1, .zj-summary h2, .zj-summary h3, .zj-summary h4, .zj-summary h5, .zj-summary p { margin: 0; font-size: inherit; font-weight: normal; line-height: inherit; }
.zj-summary .zj-title { font-family: '方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', 'SimSun', serif; font-size: 22pt; line-height: 28.95pt; text-align: center; text-wrap: balance; margin-bottom: 28.95pt; }
.zj-summary .zj-subtitle { font-family: '楷体_GB2312', 'KaiTi_GB2312', 'KaiTi', '楷体', 'STKaiti', 'Noto Serif CJK SC', serif; text-align: center; }
.zj-summary p, .zj-summary .zj-heading { text-indent: 2em; }
.zj-summary .zj-chinese > .zj-heading, .zj-summary .zj-problems > .zj-heading, .zj-summary .zj-plans > .zj-heading { font-family: '黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', sans-serif; }
.zj-summary .zj-chineseParen > .zj-heading, .zj-summary .zj-chineseParen > .zj-run-in > .zj-heading { font-family: '楷体_GB2312', 'KaiTi_GB2312', 'KaiTi', '楷体', 'STKaiti', 'Noto Serif CJK SC', serif; }
.zj-summary .zj-arabic > .zj-heading, .zj-summary .zj-arabic > .zj-run-in > .zj-heading { font-weight: bold; }
.zj-summary .zj-sign-off { text-align: right; margin-top: 28.95pt; padding-right: 4em; }
.zj-summary .zj-sign-off p { text-indent: 0; }
.zj-summary .zj-metric, .zj-summary .zj-blank { white-space: nowrap; }
.zj-summary .zj-comment { text-decoration: underline dotted #777; text-underline-offset: 3pt; }
.zj-comments { break-before: page; max-width: 156mm; margin: 0 auto; font-family: '仿宋_GB2312', 'FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', serif; font-size: 12pt; line-height: 1.6; color: #000; }
.zj-comments-title { font-family: '黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', sans-serif; font-size: 16pt; font-weight: normal; text-align: center; margin: 0 0 12pt; }
.zj-comment-thread { break-inside: avoid; border-left: 2pt solid #888; padding-left: 8pt; margin: 0 0 10pt; }
.zj-comment-thread p, .zj-comment-quote { margin: 2pt 0; }
.zj-comment-quote { color: #444; }
.zj-comment-quote, .zj-comment-text { white-space: pre-line; }
.zj-comment-reply { margin: 4pt 0 0 2em; }
.zj-summary ins.zj-ins, .zj-summary [data-suggestion-insert] { text-decoration: underline; text-underline-offset: 3pt; color: #1d4ed8; }
.zj-summary del.zj-del, .zj-summary del.zj-old, .zj-summary [data-suggestion-delete] { text-decoration: line-through; color: #b91c1c; }
.zj-summary .zj-mod, .zj-summary [data-suggestion-modify] { background: #fef3c7; }
.zj-suggestions { break-before: page; max-width: 156mm; margin: 0 auto; font-family: '仿宋_GB2312', 'FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', serif; font-size: 12pt; line-height: 1.6; color: #000; }
.zj-suggestions-title { font-family: '黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', sans-serif; font-size: 16pt; font-weight: normal; text-align: center; margin: 0 0 12pt; }
.zj-suggestion-list { margin: 0; padding-left: 2em; }
.zj-suggestion { break-inside: avoid; margin: 0 0 6pt; }
@media screen { body { background: #e5e7eb; padding: 16px 0; } .zj-summary, .zj-comments, .zj-suggestions { background: #fff; padding: 37mm 26mm 35mm 28mm; box-sizing: content-box; } .zj-comments, .zj-suggestions { margin-top: 16px; } }
`.trim()
