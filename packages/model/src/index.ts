export {
  schema,
  sectionTypeNames,
  sectionFormats,
  metricApproximations,
  metricScales,
  placeholderPattern,
  metricText,
  metricNumberText,
  metricUnfilled,
  blankText,
  displayText,
  isSection,
  isField,
  periods,
  commentIdPattern,
  commentTimePattern,
  commentThreadsProblem,
  suggestionKinds,
  suggestionsProblem,
} from './schema.ts'
export type { SectionFormat, SectionTypeName, WorkItemsLayout, MetricAttrs, BlankAttrs, Period } from './schema.ts'
export type { CommentThread, CommentReply, CommentAuthor, CommentScope, CommentProblem } from './schema.ts'
export { commentThreads, commentIdsIn, threadsOf, quoteBetween, withoutCommentMarks } from './comments.ts'
export type { CommentThreadAt } from './comments.ts'
export type { Suggestion, SuggestionKind } from './schema.ts'
export { suggestionsOf, suggestionsAt, settleSuggestions, settleSuggestionsAndTitles, settledDoc, settledSummary, dropStraySuggestionMarks, hasSuggestionMarks, isSuggestionMark, suggestionAnchor } from './suggestions.ts'
export type { SuggestionAt } from './suggestions.ts'
export { settleRunInTitle, returnTitleRestToBody, runInTitlesToSettle, rangesChangedBy, firstStop } from './run-in.ts'
export type { SettledRunInTitle } from './run-in.ts'
export { chineseNumeral, parseChineseNumeral, formatSectionNumber, formatOrdinal, sectionNumber, workItemOrdinal } from './numbering.ts'
export { PartCache } from './parts.ts'
export { toSummary, readSummary, fromSummary, leadOf, contextBefore, clauseBreak } from './summary.ts'
export type {
  Summary,
  SummaryMeta,
  Section,
  SectionRole,
  Block,
  ParagraphBlock,
  WorkItemsBlock,
  WorkItem,
  WorkNote,
  SignOff,
  Run,
  TextRun,
  MetricRun,
  BlankRun,
  MetricField,
  BlankField,
  Metric,
  Blank,
  CommentAnchor,
  CommentThreadJSON,
  FieldModification,
  BlockSuggestion,
  SuggestionJSON,
} from './summary.ts'
export { toText, textBetween } from './text.ts'
export type { TextOptions } from './text.ts'
export { toHTML } from './html.ts'
export type { HTMLOptions } from './html.ts'
export { reviewTime, beijingClock } from './review-time.ts'
export { fromHTML, importHTML } from './html-read.ts'
export type { DomNodeLike, HTMLImport } from './html-read.ts'
export { SummaryError, ImportError } from './errors.ts'
export { importText, readFields, metricUnits } from './import/index.ts'
export { importParagraphs } from './import/paragraphs.ts'
export type { SourceParagraph } from './import/paragraphs.ts'
export type { TextRange, CommentRange, SuggestionRange } from './import/lines.ts'
export { headingMark, isTypedHeading } from './import/headings.ts'
export { joinedOrdinals } from './import/ordinals.ts'
export type { OrdinalMark } from './import/ordinals.ts'
export type { HeadingMark } from './import/headings.ts'
export type { ImportResult, ImportOptions, ImportWarning, ImportWarningCode } from './import/index.ts'
export { validate, canSubmit, placeName } from './validate.ts'
export type { Finding, FindingCode, Severity, ValidateOptions, Repair } from './validate.ts'
export { templates, templateById, newFromTemplate, defineTemplate } from './templates/index.ts'
export { knownTemplate, registerTemplates } from './templates/registry.ts'
export type { Template, TemplatePart, TemplateDefinition, SectionDefinition, NewDocumentOptions } from './templates/index.ts'
export { proposeTitle, periodText, readPeriod, periodConflicts } from './period.ts'
export type { TitleParts, PeriodConflict } from './period.ts'
export { metricsToCSV } from './metrics-csv.ts'
export { printStylesheet } from './print.ts'
export { problemsHeading, plansHeading, typedPlansHeading, closingOpening, closingStart, typedClosingOpening, signOffDate, signOffOrganization } from './roles.ts'
export { standardDate } from './dates.ts'
export { decodeText, textFormat, isOfficeFile, checkWordName } from './decode.ts'
export type { Decoded, DecodeNote, Encoding, TextFormat } from './decode.ts'
export { compareSummaries, comparePieces, describeChange, markedText } from './compare.ts'
export type { Change, ComparePiece } from './compare.ts'
