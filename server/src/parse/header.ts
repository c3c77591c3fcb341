import type { HeaderField, HeaderKey } from '../model/determination.js';
import { parseDateValue } from './dates.js';
import { collapseSpace } from '../text/collapseSpace.js';

export const HEADER_LABELS: { key: HeaderKey; label: string; date: boolean }[] = [
  { key: 'caseNumber', label: 'Case Number', date: false },
  { key: 'dateAssigned', label: 'Date Assigned', date: true },
  { key: 'dateOfInjury', label: 'Date of Injury', date: true },
  { key: 'decisionDate', label: 'Decision Date', date: true },
  { key: 'urDenialDate', label: 'UR Denial Date', date: true },
  { key: 'priority', label: 'Priority', date: false },
  { key: 'applicationReceived', label: 'Application Received', date: true },
];

const byLabel = new Map(HEADER_LABELS.map((h) => [collapseSpace(h.label.toLowerCase()), h]));

// A label counts when a colon follows it, or (table cells, tab-separated layouts) a tab or 2+ spaces.
// "Application ... Received:" is how pdftotext wraps that label: the value sits between its two words.
const LABEL_RE = new RegExp(
  String.raw`(?<![\w])(?:(Application)(?=[ \t]+\S+[ \t]*(?:\r\n|\r|\n)[ \t]*Received[ \t]*:)|(` +
    HEADER_LABELS.map((h) => h.label.replace(/ /g, String.raw`[ \t]+`)).join('|') +
    String.raw`)(?:[ \t]*:|(?=\t|[ ]{2,})))`,
  'gi',
);

/**
 * Finds header fields in `plain` between `start` and `end` (the header region). Values run to the next
 * label, a tab, a run of two spaces or the end of the line; an empty value is kept as a zero-length span.
 */
export function parseHeader(plain: string, start: number, end: number): HeaderField[] {
  const region = plain.slice(start, end);
  const labels: { key: HeaderKey; label: string; s: number; e: number; date: boolean }[] = [];
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(region))) {
    const name = collapseSpace((m[1] ? 'Application Received' : m[2]).toLowerCase());
    const def = byLabel.get(name);
    if (!def) continue;
    labels.push({ key: def.key, label: def.label, s: m.index, e: m.index + m[0].length, date: def.date });
  }
  const fields: HeaderField[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    const nextLabel = i + 1 < labels.length ? labels[i + 1].s : region.length;
    let v = l.e;
    while (v < region.length && (region[v] === ' ' || region[v] === '\t')) v++;
    let ve = v;
    while (ve < nextLabel) {
      const c = region[ve];
      if (c === '\n' || c === '\r' || c === '\t' || (c === ' ' && region[ve + 1] === ' ')) break;
      ve++;
    }
    while (ve > v && region[ve - 1] === ' ') ve--;
    const raw = region.slice(v, ve);
    const valueStart = raw ? start + v : start + l.e;
    const field: HeaderField = {
      key: l.key,
      label: l.label,
      labelSpan: { start: start + l.s, end: start + l.e },
      raw,
      valueSpan: { start: valueStart, end: valueStart + raw.length },
    };
    if (l.date && raw) {
      const d = parseDateValue(raw, valueStart);
      if (d) field.date = { ...d, role: 'header', headerKey: l.key };
    }
    fields.push(field);
  }
  return fields;
}
