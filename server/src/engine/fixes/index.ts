export { applyEdits, lineBreakOf, offsetAt } from './edits';
export { convertToTask, explicitRewrite, splitIntoKrAndTask, computedTarget, parseAnswerQuantity } from './kr-fixes';
export { addBaselineLine, addTargetLine, addWhyLine } from './line-fixes';
