import type { RequestQuantity } from '../model/determination.js';
import type { Span } from '../types.js';

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, 'twenty-four': 24, 'twenty four': 24, thirty: 30, once: 1, twice: 2, thrice: 3,
};
const NUM = String.raw`(\d{1,3}|twenty[- ]four|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)`;
const UNIT = String.raw`(?:sessions?|visits?|treatments?|appointments?|days?\b(?=\s+(?:of|at|in)\b))`;

function num(s: string): number {
  const n = WORDS[s.toLowerCase()];
  return n ?? parseInt(s, 10);
}

// Ordered by how explicit the count is: "3 times a week for 4 weeks (12 sessions)" takes the 12 in parentheses.
const PATTERNS: { re: RegExp; count: (m: RegExpExecArray) => number }[] = [
  // (12 sessions), (8): an explicit total in parentheses wins over the frequency written before it
  { re: new RegExp(String.raw`\(\s*${NUM}\s*(?:${UNIT}\s*)?\)`, 'gi'), count: (m) => num(m[1]) },
  // 1 to 2 times per week for 4 weeks -> 8 (the maximum); two times a week times six weeks; 3 visits per week for 2 weeks
  { re: new RegExp(String.raw`(?<![#\w.])${NUM}(?:\s*(?:to|-|or)\s*${NUM})?\s*(?:times|x|visits?|sessions?)\s*(?:(?:a|per|each|\/)\s*)?(?:week|wk)(?:ly|s)?\s*(?:,\s*)?(?:(?:for|times|x|×|over)\s*)?${NUM}(?:\s*(?:to|-)\s*${NUM})?\s*(?:weeks?|wks?)\b`, 'gi'), count: (m) => Math.max(num(m[1]), m[2] ? num(m[2]) : 0) * (m[4] ? num(m[4]) : num(m[3])) },
  // twice weekly for 6 weeks, twice a week x 6 weeks
  { re: new RegExp(String.raw`\b(once|twice|thrice)\s*(?:(?:a|per|each)\s*)?(?:week|wk)(?:ly)?\s*(?:(?:for|times|x|×|over)\s*)?${NUM}\s*(?:weeks?|wks?)\b`, 'gi'), count: (m) => num(m[1]) * num(m[2]) },
  // 2 times 6, two times four visits (frequency times weeks, as UR letters abbreviate it)
  { re: new RegExp(String.raw`(?<![#\w.])${NUM}\s+times\s+${NUM}(?![\w.]|\s*(?:a|per)\s+(?:day|week|wk|month)|\s*(?:mg|ml)\b)`, 'gi'), count: (m) => num(m[1]) * num(m[2]) },
  // 12 sessions, twelve visits, 12 (twelve) sessions, eight physical therapy sessions
  { re: new RegExp(String.raw`(?<![#\w.])${NUM}\s*(?:\(\s*\w+\s*\)\s*)?(?:additional\s+|more\s+|further\s+|initial\s+|physical\s+therapy\s+|pt\s+|chiropractic\s+|acupuncture\s+)?${UNIT}`, 'gi'), count: (m) => num(m[1]) },
  // 2x6, 3 x 4 (frequency x weeks)
  { re: /(?<![#\w.])(\d{1,2})\s*[x×]\s*(\d{1,2})(?![\w.]|\s*(?:mg|ml|cm|mm|in)\b)/gi, count: (m) => +m[1] * +m[2] },
  // x12, times 12, times twelve
  { re: new RegExp(String.raw`(?:(?<![\w#])x\s*|\btimes\s+)${NUM}(?![\w.]|\s*(?:a|per)\s+(?:week|wk)|\s*(?:mg|ml)\b)`, 'gi'), count: (m) => num(m[1]) },
  // sessions, 12
  { re: new RegExp(String.raw`${UNIT}\s*[,:]\s*${NUM}\b(?!\s*(?:mg|ml|hours?|days?|weeks?))`, 'gi'), count: (m) => num(m[1]) },
];

/**
 * The number of visits or sessions a request adds up to, or undefined when it states none ("#90" is a
 * drug count; "unspecified quantity" has no count). Offsets are relative to `base`.
 */
export function parseRequestQuantity(text: string, base = 0): RequestQuantity | undefined {
  if (/unspecified\s+(?:quantity|number|duration|frequency)/i.test(text)) return undefined;
  for (const { re, count } of PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) {
      const n = count(m);
      if (Number.isFinite(n) && n > 0 && n < 1000) {
        const raw = m[0].trim();
        const start = base + m.index;
        const unit = /session|visit|treatment|appointment/i.exec(text.slice(m.index, m.index + raw.length + 12))?.[0].toLowerCase();
        return { count: n, unit: unit ? `${unit}s` : undefined, span: { start, end: start + raw.length }, raw, figure: figureOf(raw, start, n) };
      }
    }
  }
  return undefined;
}

const NUMBER_IN = new RegExp(String.raw`(?<![\w.])${NUM}(?![\w.])`, 'gi');

/** The span of the one number in `raw` (at `start`) whose value is `count`, if the quantity has just one. */
function figureOf(raw: string, start: number, count: number): Span | undefined {
  const numbers = [...raw.matchAll(NUMBER_IN)];
  if (numbers.length !== 1 || num(numbers[0][1]) !== count) return undefined;
  return { start: start + numbers[0].index, end: start + numbers[0].index + numbers[0][0].length };
}

/** Whether a count was written as a word ("six sessions") rather than digits. */
function writtenAsWord(raw: string): boolean {
  return !/\d/.test(raw);
}

/**
 * Every request quantity in `text`, left to right, without overlaps: where two patterns match at one
 * place the more explicit one (earlier in PATTERNS) wins, as in parseRequestQuantity. Linear: each pattern
 * runs once over the text.
 */
export function requestQuantitiesIn(text: string, base = 0): (RequestQuantity & { word: boolean })[] {
  if (/unspecified\s+(?:quantity|number|duration|frequency)/i.test(text)) return [];
  const found: (RequestQuantity & { word: boolean; rank: number })[] = [];
  PATTERNS.forEach(({ re, count }, rank) => {
    // The pattern itself (global), not a copy per call: this runs for every sentence of the letter.
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const n = count(m);
      if (!Number.isFinite(n) || n <= 0 || n >= 1000) continue;
      const raw = m[0].trim();
      const start = base + m.index;
      const unit = /session|visit|treatment|appointment/i.exec(text.slice(m.index, m.index + raw.length + 12))?.[0].toLowerCase();
      found.push({ count: n, unit: unit ? `${unit}s` : undefined, span: { start, end: start + raw.length }, raw, figure: figureOf(raw, start, n), word: writtenAsWord(raw), rank });
    }
  });
  found.sort((a, b) => a.rank - b.rank || a.span.start - b.span.start);
  const kept: typeof found = [];
  for (const q of found) if (!kept.some((k) => q.span.start < k.span.end && k.span.start < q.span.end)) kept.push(q);
  return kept.sort((a, b) => a.span.start - b.span.start).map(({ rank: _rank, ...q }) => q);
}
