/**
 * Analyses as printable blocks, in the reader's language: headings, tables, lists and prose made
 * from the analyses' data and the catalogue's words, and those blocks as spreadsheet sheets (CSV
 * here; workbooks in runtime/xlsx.ts). Pure. The CLI prints them as text or Markdown; the CLI and
 * the HTTP API both export them as CSV and xlsx.
 */
export { heading, paragraph, list, lazyList, listed, table, tableWidth, columnWidths, cut, titleLines, width, wrap, TEXT_WIDTH, type Align, type Block, type LazyListBlock, type StreamedBlock, type TableBlock } from './blocks.js';
export { canvasBlocks, canvasItemText, eachCanvasBlock } from './canvas.js';
export { paymentBlocks } from './payments.js';
export { overviewBlocks, sheetBlocks, breakEvenText, sheetLineLabel, type Grouping } from './profit.js';
export { sharingBlocks } from './sharing.js';
export { shareBlocks } from './share.js';
export { checkBlocks, findingText } from './check.js';
export { dataValueBlocks } from './data-value.js';
export { loopBlocks } from './loops.js';
export { feedbackBlocks, type FeedbackView } from './feedback.js';
export { compareBlocks } from './compare.js';
export { summaryBlocks, csvChunks, toCsv, nonFinite, type SeriesSet } from './series.js';
export { sheetsOf, eachSheetOf, figureCell, sheetsToCsv, sheetCsvChunks, seriesSheet, MAX_SHEET_VALUES, type Sheet, type Cell, type Percent } from './sheets.js';
export { printExactAmounts, amountsScaled, formatMoney, formatCount, formatFigure, formatSignificant, formatPercent, formatShare } from './numbers.js';
export { words, periodCount, periodAt, listOf, costName } from './words.js';
export { riskBlocks } from './risk.js';
export { sensitivityBlocks } from './sensitivity.js';
