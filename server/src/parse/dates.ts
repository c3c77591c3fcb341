import type { CalendarDate, DateFormat, DateMention } from '../model/determination.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

const MONTH_RE = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/**
 * One pass finds every date-like token. Groups: 1-4 numeric m/d/y (sep, year); 5-7 ISO; 8-11 month name
 * (name, dot, day, year); 12-13 numeric month/year. Years of 5 digits and days/months out of range are
 * captured on purpose: they are typos to report, not text to skip.
 */
const DATE_RE = new RegExp(
  [
    String.raw`(?<![\w/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4,5}|\d{2})(?![\w/]|-\d)`,
    String.raw`(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/-])`,
    String.raw`\b(${MONTH_RE})(\.?)\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{5}|\d{4}|'\d{2})(?![\w])`,
    String.raw`(?<![\w/.-])(\d{1,2})/(\d{4})(?![\w/])`,
  ].join('|'),
  'gi',
);

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 2-digit years: 00-49 are 20xx, 50-99 are 19xx (letters concern injuries from the 1960s on). */
export function expandYear(yy: number): number {
  return yy < 50 ? 2000 + yy : 1900 + yy;
}

function validate(year: number, month: number, day: number | undefined): string | undefined {
  if (year < 1900 || year > 2199) return `the year ${year} is not plausible`;
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day !== undefined) {
    if (day < 1) return `there is no day ${day}`;
    const max = daysInMonth(year, month);
    if (day > max) return `${MONTH_NAMES[month - 1]} ${year} has ${max} days`;
  }
  return undefined;
}

/** Finds all dates in `text` (offsets relative to `base`). Roles are assigned later, by context. */
export function scanDates(text: string, base = 0): DateMention[] {
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(text))) {
    const raw = m[0];
    let year: number;
    let month: number;
    let day: number | undefined;
    let format: DateFormat;
    let yearDigits = 4;
    if (m[1] !== undefined) {
      month = +m[1];
      day = +m[3];
      yearDigits = m[4].length;
      year = yearDigits === 2 ? expandYear(+m[4]) : +m[4];
      format = m[2] === '/' ? 'numeric-slash' : 'numeric-dash';
    } else if (m[5] !== undefined) {
      year = +m[5];
      month = +m[6];
      day = +m[7];
      format = 'iso';
    } else if (m[8] !== undefined) {
      const name = m[8].toLowerCase();
      // "may" and "march" are also words; accept them only capitalised.
      if ((name === 'may' || name === 'march' || name === 'mar') && m[8][0] !== m[8][0].toUpperCase()) continue;
      month = MONTHS[name];
      day = m[10] !== undefined ? +m[10] : undefined;
      const y = m[11];
      yearDigits = y.startsWith("'") ? 2 : y.length;
      year = y.startsWith("'") ? expandYear(+y.slice(1)) : +y;
      format = day === undefined ? 'month-year' : m[9] === '.' || (name.length === 3 && name !== 'may') || name === 'sept' ? 'month-abbr' : 'month-name';
    } else {
      month = +m[12];
      year = +m[13];
      format = 'month-year';
    }
    const invalidReason = validate(year, month, day);
    const span = { start: base + m.index, end: base + m.index + raw.length };
    out.push({
      span,
      raw,
      date: invalidReason ? undefined : { year, month, day },
      invalidReason,
      format,
      yearDigits,
      role: 'other',
    });
  }
  return out;
}

/** Parses a header value, which must be a whole date (MM/DD/YYYY or any form we recognise). */
export function parseDateValue(raw: string, start: number): DateMention | undefined {
  const found = scanDates(raw, start);
  if (found.length !== 1 || found[0].raw.length !== raw.length) return undefined;
  return found[0];
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || (a.day ?? 0) - (b.day ?? 0);
}

/** Same date at the precision both give: "November 2009" agrees with 11/03/2009. */
export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && (a.day === undefined || b.day === undefined || a.day === b.day);
}

export function formatIso(d: CalendarDate): string {
  const mm = String(d.month).padStart(2, '0');
  return d.day === undefined ? `${d.year}-${mm}` : `${d.year}-${mm}-${String(d.day).padStart(2, '0')}`;
}

export function formatUs(d: CalendarDate): string {
  const mm = String(d.month).padStart(2, '0');
  return d.day === undefined ? `${mm}/${d.year}` : `${mm}/${String(d.day).padStart(2, '0')}/${d.year}`;
}

/** Writes `d` the way `like` was written ("December 22, 2009" -> "October 22, 2009"; "10-13-16" style kept). */
export function formatLike(d: CalendarDate, like: DateMention): string {
  const yy = like.yearDigits === 2 ? `${like.raw.includes("'") ? "'" : ''}${String(d.year % 100).padStart(2, '0')}` : String(d.year);
  const day = d.day ?? 1;
  // Zero-padded like the header (MM/DD/YYYY) unless the mention shows an unpadded month or day ("12/1/16").
  const numericPad = !/^\d[/-]|[/-]\d[/-]/.test(like.raw);
  const mm = numericPad ? String(d.month).padStart(2, '0') : String(d.month);
  const dd = numericPad ? String(day).padStart(2, '0') : String(day);
  switch (like.format) {
    case 'numeric-slash':
      return `${mm}/${dd}/${yy}`;
    case 'numeric-dash':
      return `${mm}-${dd}-${yy}`;
    case 'iso':
      return formatIso({ ...d, day });
    case 'month-name':
      return `${MONTH_NAMES[d.month - 1]} ${day}, ${yy}`;
    case 'month-abbr':
      return `${MONTH_ABBR[d.month - 1]} ${day}, ${yy}`;
    case 'month-year':
      return /^\d/.test(like.raw) ? `${d.month}/${d.year}` : `${MONTH_NAMES[d.month - 1]} ${d.year}`;
  }
}
