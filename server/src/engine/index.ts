// The pure engine: everything the CLI and the language server share. Imports no editor API.
export * from './model/types';
export { parseDocument, splitLines, clearParseCache } from './parser';
export { computeProgress, krProgress, objectiveProgress, expectedShare, impliedTarget, weakest } from './progress';
export * from './progress/types';
export { analyzeText, type Analysis, type AnalyzeOptions } from './analyze';
export { isValidIsoDate, todayIso, periodBounds, addDays, dayNumber } from './dates';
export { parseNumber, makeQuantity, formatQuantityLike, sameUnit, describeUnit } from './values';
export { withWorkspace, workspaceDiagnostics } from './analyze';
export { Workspace, type WorkspaceSource, type AlignNode, type AlignReference, type SlugAt } from './workspace/model';
export { RollUp } from './workspace/rollup';
export { buildAlignmentTree, type AlignmentTree, type AlignmentItem } from './workspace/alignment-tree';
export { filterAlignmentTree } from './workspace/alignment-filter';
export { renameEdits } from './workspace/rename';
export { fixAll, type FixAllOutcome } from './fixes/fix-all';
