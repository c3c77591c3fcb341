import type { GuidelineTable } from '../guidelines/table.js';
import type { DateMention, Determination, DisputedItem, HeaderKey, InlineDirective, Section } from '../model/determination.js';
import type { LanguageId } from '../types.js';
import { scanDates } from './dates.js';
import { parseHeader } from './header.js';
import { parseItems } from './items.js';
import { readMarkdown } from './markdownPlain.js';
import { ageAndSex, assignRoles } from './narrative.js';
import { buildMentions } from './mentions/index.js';
import { findPlaceholders } from './placeholders.js';
import { linesOf, paragraphsOf } from './paragraphs.js';
import { noticeHeaderFields, noticeItems, professionalReviewItem } from './layoutItems.js';
import { detectLayout, headingOf, type LayoutId, type SectionHeading } from './layouts.js';

const MARKDOWN_SIGNS = /<\/?b>|^\s{0,3}(?:#{1,6}\s+\S|\*\*[^*\r\n]+:\*\*)/im;
// The body is bounded (a directive is a line of rule ids), so an unclosed "<!-- imr-lint-disable" costs a
// bounded look-ahead, not a scan to the end of the text for each one.
const DIRECTIVE_RE = /<!--\s*imr-lint-(disable-next-line|disable-line|disable|enable)\b([\s\S]{0,400}?)-->/g;

/**
 * Text -> Determination. Never throws: whatever is missing or broken is simply absent from the model, and
 * the rules report it.
 */
export function parseDetermination(text: string, requested: LanguageId, table: GuidelineTable, options: { layout?: LayoutId } = {}): Determination {
  // Markdown saved as .txt (the seed is) is still Markdown; plain text is never read as Markdown unless it
  // carries unmistakable markup, because remark would take a PDF's "1." or "-" line starts for lists.
  const languageId: LanguageId = requested === 'plaintext' && MARKDOWN_SIGNS.test(text) ? 'markdown' : requested;
  const read = languageId === 'markdown' ? readMarkdown(text) : { plain: text, unparsed: [] };
  const plain = read.plain;
  const lines = linesOf(plain, 0, plain.length);

  const headings: { kind: Section['kind']; line: number; heading: SectionHeading }[] = [];
  lines.forEach((l, i) => {
    const heading = headingOf(l.text);
    if (heading) headings.push({ kind: heading.kind, line: i, heading });
  });
  const { layout, forced } = detectLayout(text, headings.map((h) => h.heading), options.layout);
  const sections: Section[] = headings.map((h, i) => {
    const line = lines[h.line];
    const lead = line.text.length - line.text.trimStart().length;
    const headingText = line.text.trim();
    const bodyStart = h.line + 1 < lines.length ? lines[h.line + 1].start : line.end;
    const bodyEnd = i + 1 < headings.length ? lines[headings[i + 1].line].start : plain.length;
    return {
      kind: h.kind,
      heading: headingText,
      headingSpan: { start: line.start + lead, end: line.start + lead + headingText.length },
      bodySpan: { start: bodyStart, end: Math.max(bodyStart, bodyEnd) },
    };
  });

  // Without section headings the header is looked for near the top, and ends with its last field's line.
  const headerScanEnd = sections.length > 0 ? lines[headings[0].line].start : Math.min(plain.length, 4000);
  const headerFields = parseHeader(plain, 0, headerScanEnd);
  if (layout.id === 'notice-2013') {
    for (const f of noticeHeaderFields(plain)) if (!headerFields.some((x) => x.key === f.key)) headerFields.push(f);
    headerFields.sort((a, b) => a.labelSpan.start - b.labelSpan.start);
  }
  const headerEnd = sections.length > 0 || headerFields.length === 0
    ? (sections.length > 0 ? headerScanEnd : 0)
    : lineEndAfter(plain, headerFields[headerFields.length - 1].valueSpan.end);
  const header: Determination['header'] = {};
  for (const f of headerFields) if (!header[f.key]) header[f.key] = f;

  // Dates: header values keep their field's mention; every other date gets a role from its context.
  const headerDates = new Map<number, DateMention>();
  for (const f of headerFields) if (f.date) headerDates.set(f.date.span.start, f.date);
  const dates = scanDates(plain).map((d) => headerDates.get(d.span.start) ?? d);
  for (const f of headerFields) {
    // A header value that is not a date at all ("June 20216" is found by the scan; "13/45" is not).
    if (f.date && !dates.includes(f.date)) dates.push(f.date);
  }
  dates.sort((a, b) => a.span.start - b.span.start);
  assignRoles(plain, dates);

  let items: DisputedItem[];
  if (layout.id === 'notice-2013') {
    items = noticeItems(plain, headerEnd, table);
  } else if (layout.id === 'professional-review') {
    items = professionalReviewItem(plain, sections, table);
  } else {
    const decisions = sections.find((s) => s.kind === 'decisions');
    const itemsSpan = decisions ? decisions.bodySpan : { start: headerEnd, end: plain.length };
    items = parseItems(paragraphsOf(linesOf(plain, itemsSpan.start, itemsSpan.end)), plain, table);
    if (!decisions) items = items.filter((i) => i.verdict || i.reviewerGuideline || i.rationale);
  }

  const summary = sections.find((s) => s.kind === 'summary');
  const facts = ageAndSex(plain, summary ? summary.bodySpan : { start: headerEnd, end: plain.length });

  const doc: Determination = {
    text,
    languageId,
    layout: { id: layout.id, name: layout.name, forced },
    header,
    headerFields,
    headerEnd,
    sections,
    items,
    dates,
    ...facts,
    directives: parseDirectives(text),
    placeholders: findPlaceholders(text),
    unparsedMarkdown: read.unparsed,
    mentions: undefined as unknown as Determination['mentions'],
    plain,
  };
  doc.mentions = buildMentions(doc, table);
  return doc;
}

function lineEndAfter(text: string, offset: number): number {
  const m = /\r\n|\r|\n/g;
  m.lastIndex = offset;
  const found = m.exec(text);
  return found ? found.index + found[0].length : text.length;
}

function parseDirectives(text: string): InlineDirective[] {
  if (!text.includes('imr-lint-')) return [];
  const out: InlineDirective[] = [];
  let line = 0;
  let lineScan = 0;
  DIRECTIVE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE_RE.exec(text))) {
    for (; lineScan < m.index; lineScan++) {
      const c = text.charCodeAt(lineScan);
      if (c === 10 || (c === 13 && text.charCodeAt(lineScan + 1) !== 10)) line++;
    }
    out.push({
      kind: m[1] as InlineDirective['kind'],
      rules: m[2].split(/[\s,]+/).filter(Boolean),
      span: { start: m.index, end: m.index + m[0].length },
      line,
    });
  }
  return out;
}

export type { HeaderKey };
