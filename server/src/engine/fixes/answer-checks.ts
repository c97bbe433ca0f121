// What a person types into a fix's question, read before it is written: an answer meant as an
// outcome KR that itself reads as a task or is vague would be flagged the moment it lands.
// A warning to show while typing, never a refusal: the person may know better than the reader.
import { analyzeText } from '../analyze';

/** Why an answer meant as an outcome KR reads as a task or as vague, or undefined when it reads as an outcome. */
export function outcomeAnswerWarning(answer: string): string | undefined {
  const sentence = answer.replace(/[\r\n]+/g, ' ').trim();
  if (!sentence) return undefined;
  const { diagnostics } = analyzeText(['objective Check the answer', `  kr ${sentence}`, ''].join('\n'), { asOf: '2000-01-01' });
  const task = diagnostics.find((d) => d.rule === 'kr-task');
  if (task) return `This reads as a task, not an outcome: ${reason(task.message)} Say what it changes, from a baseline to a target.`;
  const vague = diagnostics.find((d) => d.rule === 'kr-vague');
  if (vague) return `This reads as vague: ${reason(vague.message)}`;
  return undefined;
}

/** "This KR is a task: it starts with … outcome. Say …" → "it starts with … outcome." */
function reason(message: string): string {
  const rest = message.replace(/^This KR is [^:]+: /, '');
  return rest.split(/(?<=[.?])\s/)[0];
}
