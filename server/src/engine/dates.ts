// ISO calendar dates (YYYY-MM-DD) as plain strings; arithmetic in whole UTC days.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date (2026-02-30 is not). */
export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function isoFromDayNumber(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** Today's date in local time, as ISO. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Start and end of a period label: `2026-Q2`, `2026-H1`, `2026`. */
export function periodBounds(label: string): { start: string; end: string } | undefined {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(label);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return monthSpan(year, (q - 1) * 3 + 1, q * 3);
  }
  const half = /^(\d{4})-H([12])$/i.exec(label);
  if (half) {
    const year = Number(half[1]);
    return half[2] === '1' ? monthSpan(year, 1, 6) : monthSpan(year, 7, 12);
  }
  const year = /^(\d{4})$/.exec(label);
  if (year) return monthSpan(Number(year[1]), 1, 12);
  return undefined;
}

function monthSpan(year: number, firstMonth: number, lastMonth: number): { start: string; end: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
  };
}
