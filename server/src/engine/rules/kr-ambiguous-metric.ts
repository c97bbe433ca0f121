import { explicitRewrite } from '../fixes/kr-fixes';
import { allKrs, endSentence, krData, krOf, readingOf } from './helpers';
import { sentenceRange } from './helpers';
import { exampleDoc } from './example';
import type { Rule } from './types';

export const krAmbiguousMetric: Rule = {
  id: 'kr-ambiguous-metric',
  defaultSeverity: 'warning',
  description: 'What the KR counts is unclear: an abbreviation of a balance, a comparator on an abbreviation, "efforts", two metrics at once, or percentages of a count.',
  rationale:
    'In Ben Lamorte\'s accounts-receivable workshop, "Reduce AR>60 days by 50%" drew the question "do you mean the number ' +
    'of customers with invoices past 60 days, or the total dollars?". A KR must say exactly what is counted so ' +
    'that someone outside the team can measure it the same way ("Specific KRs", Lamorte; Perdoo).',
  howToFix:
    'Spell out what is counted and in which unit: "total dollars invoiced 60+ days past due", "number of unpaid invoices", ' +
    '"hours of outsourced design work". With a baseline in money, the quick fix "Rewrite as explicit dollar KR" does it ' +
    'for abbreviations from the glossary (AR, AP, WIP).',
  examples: [
    {
      bad: exampleDoc('  kr Reduce AR>60 days by 50% by 2026-06-30', '    baseline $24M on 2026-03-31'),
      good: exampleDoc('  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-06-30', '    baseline $24M on 2026-03-31', '    target $12M by 2026-06-30'),
    },
    {
      bad: exampleDoc('  kr Reduce outsourced design efforts by 20%', '    baseline 400 hours on 2026-03-31'),
      good: exampleDoc('  kr Reduce hours of outsourced design work from 400 to 320 hours', '    baseline 400 hours on 2026-03-31'),
    },
  ],
  check(ctx, report) {
    for (const ref of allKrs(ctx.doc)) {
      const ambiguous = readingOf(ref.kr).ambiguous;
      if (!ambiguous) continue;
      report({
        message: `What this KR counts is unclear: ${endSentence(ambiguous.reason)} Say exactly what is measured and in which unit.`,
        range: sentenceRange(ref.kr, ambiguous.span),
        data: krData(ref, ambiguous.abbreviation ? { abbreviation: ambiguous.abbreviation } : {}),
      });
    }
  },
  fixes(ctx, diagnostic, answers) {
    const ref = krOf(ctx.doc, diagnostic);
    if (!ref || !readingOf(ref.kr).ambiguous?.abbreviation) return [];
    const fix = explicitRewrite(ctx, ref, answers);
    return fix ? [fix] : [];
  },
};
