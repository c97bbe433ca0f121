export { applyEdits, lineBreakOf, offsetAt } from './edits';
export { convertToTask, explicitRewrite, splitIntoKrAndTask, parseAnswerQuantity } from './kr-fixes';
export { addBaselineLine, addTargetLine, addWhyLine } from './line-fixes';
