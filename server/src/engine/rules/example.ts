// Small whole documents for rule examples (docs and tests use the same text).

/** A document with a period, one objective with a why, and the given lines under it. */
export function exampleDoc(...lines: string[]): string {
  return ['period 2026-04-01 to 2026-06-30', 'objective Get paid faster by our customers', '  why Late payments squeeze our cash this year', ...lines, ''].join('\n');
}

/** A document with only a period and the given lines. */
export function bareDoc(...lines: string[]): string {
  return ['period 2026-04-01 to 2026-06-30', ...lines, ''].join('\n');
}
