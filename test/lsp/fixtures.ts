// Documents the LSP tests open. The as-of date is fixed through the okr.today setting.
export const TODAY = '2026-05-10';
export const SETTINGS = { today: TODAY };

export const AR = [
  '# Accounts Receivable, spring and summer 2026',
  'period 2026-04-01 to 2026-08-30',
  'team Accounts Receivable',
  '',
  'objective Strategically reduce dollars not yet paid, stuck in accounts receivable',
  '  why Invoices past 90 days are much harder to collect; the 60+ bucket drives our cash flow.',
  '  owner Mary',
  '',
  '  kr Reduce total dollars invoiced 60+ days past due from $24M to $12M by 2026-08-30',
  '    baseline $24M on 2026-03-31',
  '    target $12M by 2026-08-30',
  '    weight 2',
  '    checkin 2026-04-15 $22.1M on-track "Two key accounts paid"',
  '    checkin 2026-05-01 $19.4M at-risk',
  '    task [x] Weekly report of the top 10 accounts by aging bucket',
  '    task Call the biggest accounts heading into the 60+ bucket',
  '',
  '  kr Increase the share of invoices paid on time from 62% to 80% by 2026-08-30',
  '    baseline 62% on 2026-03-31',
  '    target 80% by 2026-08-30',
  '    checkin 2026-04-15 64% on-track',
  '    checkin 2026-05-01 67% on-track',
  '',
].join('\n');

/** The rewrite the product is known for, and a KR that is really a task. */
export const COACHING = [
  'period 2026-04-01 to 2026-08-30',
  '',
  'objective Strategically reduce dollars not yet paid, stuck in accounts receivable',
  '  why Cash flow depends on it.',
  '',
  '  kr Reduce AR>60 days by 50% by 2026-08-30',
  '    baseline $24M on 2026-03-31',
  '',
  '  kr Implement new inventory management software',
  '',
].join('\n');

/** The AR rewrite without a baseline: the fix must ask for one. */
export const NO_BASELINE = [
  'period 2026-04-01 to 2026-08-30',
  '',
  'objective Strategically reduce dollars not yet paid, stuck in accounts receivable',
  '  why Cash flow depends on it.',
  '',
  '  kr Reduce AR>60 days by 50% by 2026-08-30',
  '',
].join('\n');
