import { BoundedCache } from '../bounded-cache';
import { allKrs, krData } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

const keys = new BoundedCache<string>({ entries: 20_000, bytes: 4 * 1024 * 1024, sizeOf: (text, key) => 2 * (text.length + key.length) });

/** The KR text as compared: case, spacing and punctuation ignored (remembered: this runs on every keystroke). */
function comparisonKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = text.toLowerCase().replace(/[\s.,;:!?'"()]+/g, ' ').trim();
    keys.set(text, key);
  }
  return key;
}

export const duplicateKr: Rule = {
  id: 'duplicate-kr',
  defaultSeverity: 'warning',
  description: 'The same KR appears twice in the file.',
  rationale:
    'Fewer OKRs communicate better ("less is more", Ben Lamorte); a KR written twice is counted twice in progress and ' +
    'splits check-ins between two copies. Tability\'s OKR examples for an accounts team list "Implement automated invoice processing software" under three objectives.',
  howToFix: 'Keep one copy under the objective it serves most; delete or reword the other.',
  examples: [
    {
      bad: exampleDoc('  kr Reduce days sales outstanding from 52 to 40 days', '  kr Reduce days sales outstanding from 52 to 40 days'),
      good: exampleDoc('  kr Reduce days sales outstanding from 52 to 40 days', '  kr Increase the share of invoices paid on time from 70% to 90%'),
    },
  ],
  check(ctx, report) {
    const seen = new Map<string, { range: import('../model/types').Range; line: number }>();
    for (const ref of allKrs(ctx.doc)) {
      const key = comparisonKey(ref.kr.text);
      if (!key) continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { range: ref.kr.textRange, line: ref.kr.range.start.line });
        continue;
      }
      report({
        message: `This KR repeats the one on line ${first.line + 1}: keep one copy under the objective it serves most.`,
        range: ref.kr.textRange,
        data: krData(ref),
        related: [{ range: first.range, message: 'the first copy' }],
      });
    }
  },
};
