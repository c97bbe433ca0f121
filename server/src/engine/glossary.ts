// Abbreviations people use in OKRs, in one place: the rules use it to spot a metric that does
// not say what it counts, the fixes to spell it out.

export interface GlossaryEntry {
  abbreviation: string;
  expansion: string;
  /**
   * `stock`: an amount owed or held that can be counted several ways (customers, invoices or total
   * money); a KR on it must say which. `metric`: a defined measure (DSO, NPS).
   */
  kind: 'stock' | 'metric';
  /** For stocks: what is measured when the KR is in money (`total dollars invoiced`), `{money}` is the currency word. */
  moneyPhrase?: string;
  /** For stocks: what is measured when the KR counts items. */
  countPhrase?: string;
  /** The ways it could be counted, for messages. */
  countedAs?: string[];
}

const ENTRIES: GlossaryEntry[] = [
  {
    abbreviation: 'AR', expansion: 'accounts receivable', kind: 'stock',
    moneyPhrase: 'total {money} invoiced', countPhrase: 'number of unpaid invoices',
    countedAs: ['the number of customers', 'the number of invoices', 'total dollars'],
  },
  {
    abbreviation: 'AP', expansion: 'accounts payable', kind: 'stock',
    moneyPhrase: 'total {money} owed to suppliers', countPhrase: 'number of unpaid supplier invoices',
    countedAs: ['the number of suppliers', 'the number of invoices', 'total dollars'],
  },
  {
    abbreviation: 'WIP', expansion: 'work in progress', kind: 'stock',
    moneyPhrase: 'total {money} of work in progress', countPhrase: 'number of items in progress',
    countedAs: ['the number of items', 'their value in money', 'hours of work'],
  },
  { abbreviation: 'DSO', expansion: 'days sales outstanding', kind: 'metric' },
  { abbreviation: 'DPO', expansion: 'days payable outstanding', kind: 'metric' },
  { abbreviation: 'DIO', expansion: 'days inventory outstanding', kind: 'metric' },
  { abbreviation: 'CCC', expansion: 'cash conversion cycle', kind: 'metric' },
  { abbreviation: 'MRR', expansion: 'monthly recurring revenue', kind: 'metric' },
  { abbreviation: 'ARR', expansion: 'annual recurring revenue', kind: 'metric' },
  { abbreviation: 'ARPU', expansion: 'average revenue per user', kind: 'metric' },
  { abbreviation: 'NPS', expansion: 'net promoter score', kind: 'metric' },
  { abbreviation: 'CSAT', expansion: 'customer satisfaction score', kind: 'metric' },
  { abbreviation: 'CES', expansion: 'customer effort score', kind: 'metric' },
  { abbreviation: 'eNPS', expansion: 'employee net promoter score', kind: 'metric' },
  { abbreviation: 'CAC', expansion: 'customer acquisition cost', kind: 'metric' },
  { abbreviation: 'LTV', expansion: 'customer lifetime value', kind: 'metric' },
  { abbreviation: 'CLV', expansion: 'customer lifetime value', kind: 'metric' },
  { abbreviation: 'ROI', expansion: 'return on investment', kind: 'metric' },
  { abbreviation: 'ROAS', expansion: 'return on ad spend', kind: 'metric' },
  { abbreviation: 'CTR', expansion: 'click-through rate', kind: 'metric' },
  { abbreviation: 'CPC', expansion: 'cost per click', kind: 'metric' },
  { abbreviation: 'CPA', expansion: 'cost per acquisition', kind: 'metric' },
  { abbreviation: 'DAU', expansion: 'daily active users', kind: 'metric' },
  { abbreviation: 'WAU', expansion: 'weekly active users', kind: 'metric' },
  { abbreviation: 'MAU', expansion: 'monthly active users', kind: 'metric' },
  { abbreviation: 'GMV', expansion: 'gross merchandise value', kind: 'metric' },
  { abbreviation: 'EBITDA', expansion: 'earnings before interest, taxes, depreciation and amortisation', kind: 'metric' },
  { abbreviation: 'OPEX', expansion: 'operating expenses', kind: 'metric' },
  { abbreviation: 'CAPEX', expansion: 'capital expenditure', kind: 'metric' },
  { abbreviation: 'MTTR', expansion: 'mean time to recovery', kind: 'metric' },
  { abbreviation: 'MTBF', expansion: 'mean time between failures', kind: 'metric' },
  { abbreviation: 'SLA', expansion: 'service level agreement', kind: 'metric' },
  { abbreviation: 'SLO', expansion: 'service level objective', kind: 'metric' },
  { abbreviation: 'KPI', expansion: 'key performance indicator', kind: 'metric' },
  { abbreviation: 'FCR', expansion: 'first contact resolution', kind: 'metric' },
  { abbreviation: 'AHT', expansion: 'average handle time', kind: 'metric' },
  { abbreviation: 'SQL', expansion: 'sales qualified leads', kind: 'metric' },
  { abbreviation: 'MQL', expansion: 'marketing qualified leads', kind: 'metric' },
  { abbreviation: 'AOV', expansion: 'average order value', kind: 'metric' },
];

const BY_ABBREVIATION = new Map(ENTRIES.map((e) => [e.abbreviation.toUpperCase(), e]));

/** The glossary entry of an abbreviation as written (`AR`, `ar`), if known. */
export function lookupAbbreviation(word: string): GlossaryEntry | undefined {
  return BY_ABBREVIATION.get(word.toUpperCase());
}

export function glossaryEntries(): readonly GlossaryEntry[] {
  return ENTRIES;
}

/** Currency symbol → the word used in rewritten KRs. */
export function currencyWord(unit: string): string | undefined {
  return ({ $: 'dollars', '€': 'euros', '£': 'pounds', '¥': 'yen' } as Record<string, string>)[unit];
}

/** Currency symbol → the adjective used in fix titles ("explicit dollar KR"). */
export function currencyAdjective(unit: string): string | undefined {
  return ({ $: 'dollar', '€': 'euro', '£': 'pound', '¥': 'yen' } as Record<string, string>)[unit];
}
