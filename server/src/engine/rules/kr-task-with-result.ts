import { splitIntoKrAndTask } from '../fixes/kr-fixes';
import { allKrs, krData, krOf, readingOf, sentenceRange } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

// An outcome KR that also names the work meant to reach it: no fault (the result is measured), only
// a hint to keep the result as the KR and the work as its task. Info, so teams that like the
// one-line form can turn it off.
export const krTaskWithResult: Rule = {
  id: 'kr-task-with-result',
  defaultSeverity: 'info',
  description: 'The KR leads with an activity and then measures its result: keep the result as the KR and the activity as its task.',
  rationale:
    'A KR that carries a real measured result is an outcome even when it starts with the work ("Roll out the new search bar ' +
    'so that 60% of sessions use it"), so kr-task stays quiet. Still, Wodtke (Radical Focus) and Castro keep key results ' +
    'for what changes and the work in the plan under them: when the activity turns out to be the wrong bet, the team can ' +
    'swap it for another and keep the KR, and the check-ins track the result, not the delivery.',
  howToFix:
    'The quick fix "Split into KR and task" writes the result as the KR ("Reach 500 signups") and moves the activity ' +
    '("Launch the referral program") to a `task` under it. Turn the rule off if your team prefers the one-line form.',
  examples: [
    {
      bad: exampleDoc('  kr Launch the self-serve payment portal and reach 400 invoices paid online a month'),
      good: exampleDoc('  kr Reach 400 invoices paid online a month', '    task Launch the self-serve payment portal'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const hint = readingOf(ref.kr).taskWithResult;
      if (!hint) continue;
      report({
        message: `This KR is an activity with its result: '${hint.activity.text}' is the work and '${hint.result.text}' the outcome. ` +
          `Keep the result as the KR ('${hint.split.kr}') and the activity as a task under it.`,
        range: sentenceRange(ref.kr, hint.span),
        data: krData(ref, { split: hint.split }),
      });
    }
  },
  fixes(ctx, diagnostic) {
    const ref = krOf(ctx.doc, diagnostic);
    const split = ref && readingOf(ref.kr).taskWithResult?.split;
    // The KR is an outcome as written: the split is offered, never applied by fix-all.
    return ref && split ? [{ ...splitIntoKrAndTask(ctx, ref, split), onRequestOnly: true }] : [];
  },
};
