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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** Days since 1970-01-01 for an ISO date (proleptic Gregorian; runs on every KR, so no Date objects). */
export function dayNumber(iso: string): number {
  const digit = (i: number) => iso.charCodeAt(i) - 48;
  let y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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
  const yyyy = String(year).padStart(4, '0'); // year 999 is 0999: dates are read by digit position
  return {
    start: `${yyyy}-${pad(firstMonth)}-01`,
    end: `${yyyy}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
  };
}
