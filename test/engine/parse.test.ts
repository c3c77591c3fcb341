import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex, lint, loadUserGuidelineTable, GuidelineTableError, defaultGuidelineTable } from '../../server/src/index.ts';
import { scanDates } from '../../server/src/parse/dates.ts';
import { parseRequestQuantity } from '../../server/src/parse/quantity.ts';

const SECTIONS = `
### HOW THE IMR FINAL DETERMINATION WAS MADE

Standard paragraph.

### CLINICAL CASE SUMMARY

The patient is a 40 year old male who sustained an industrial injury on 10/22/2009.

### IMR ISSUES, DECISIONS AND RATIONALES

**Acupuncture six sessions for the low back:** Overturned

**Claims Administrator guideline:** Decision based on MTUS Acupuncture Medical Treatment 2007.

**MAXIMUS guideline:** Decision based on MTUS Acupuncture Medical Treatment 2007.

**Decision rationale:** The guideline allows 3-6 treatments. Therefore, the request is medically necessary.
`;

const HEADER_VALUES = {
  caseNumber: 'CM14-0003333', dateAssigned: '01/31/2014', dateOfInjury: '10/22/2009', decisionDate: '06/20/2014',
  urDenialDate: '12/27/2013', priority: 'Standard', applicationReceived: '01/09/2014',
};

const HEADERS: Record<string, string> = {
  'seed (HTML bold, tabs, two per line)': `<b>Case Number:</b>\tCM14-0003333\t\t
<b>Date Assigned:</b>\t01/31/2014\t<b>Date of Injury:</b>\t10/22/2009
<b>Decision Date:</b>\t06/20/2014\t<b>UR Denial Date:</b>\t12/27/2013
<b>Priority:</b>\tStandard\t<b>Application Received:</b>\t01/09/2014
`,
  'bold, one per line, odd case and spaces': `**Case Number:** CM14-0003333
**date assigned:**   01/31/2014
**DATE OF INJURY:** 10/22/2009
**Decision  Date**: 06/20/2014
**UR Denial Date:** 12/27/2013
**Priority:** Standard
**Application Received:** 01/09/2014
`,
  'Markdown table': `| Field | Value |
|---|---|
| Case Number | CM14-0003333 |
| Date Assigned | 01/31/2014 |
| Date of Injury | 10/22/2009 |
| Decision Date | 06/20/2014 |
| UR Denial Date | 12/27/2013 |
| Priority | Standard |
| **Application Received** | 01/09/2014 |
`,
  'plain labels, single spaces': `Case Number: CM14-0003333 Date Assigned: 01/31/2014
Date of Injury: 10/22/2009 Decision Date: 06/20/2014
UR Denial Date: 12/27/2013 Priority: Standard
Application Received: 01/09/2014
`,
};

for (const [name, header] of Object.entries(HEADERS)) {
  test(`header layout: ${name}`, () => {
    const { model, findings } = lint(header + SECTIONS);
    const got = Object.fromEntries(Object.entries(model.header).map(([k, f]) => [k, f!.raw]));
    assert.deepEqual(got, HEADER_VALUES);
    assert.deepEqual(findings, [], 'a complete, consistent letter has no findings');
    assert.equal(model.items[0].verdict?.value, 'Overturned');
  });
}

test('pdftotext header: "Application ... Received:" wrapped around its value', () => {
  const text = `Case Number:          CM16-0228949
Date Assigned:        12/05/2016                      Date of Injury:      10/14/2016
Decision Date:        12/30/2016                      UR Denial Date:      11/16/2016
Priority:             Standard                        Application          11/28/2016
                                                      Received:
`;
  const { model } = lint(text, { languageId: 'plaintext' });
  const f = model.header.applicationReceived!;
  assert.equal(f.raw, '11/28/2016');
  assert.equal(text.slice(f.valueSpan.start, f.valueSpan.end), '11/28/2016');
  assert.equal(model.header.priority?.raw, 'Standard');
});

test('positions: lines end at \\n, \\r\\n and \\r only; a form feed is not a line break', () => {
  const idx = new LineIndex('a\r\nb\rc\nd\fe');
  assert.deepEqual(idx.lineStarts, [0, 3, 5, 7]);
  assert.deepEqual(idx.positionAt(9), { line: 3, character: 2 });
  assert.equal(idx.offsetAt({ line: 1, character: 5 }), 4, 'clamped to the end of the line');
});

test('positions: columns are UTF-16 code units (an emoji counts 2)', () => {
  const text = `😀 injury ✓\n${'x'}`;
  const idx = new LineIndex(text);
  assert.deepEqual(idx.positionAt(text.indexOf('injury')), { line: 0, character: 3 });
  assert.deepEqual(idx.positionAt(text.indexOf('✓')), { line: 0, character: 10 });
});

test('positions agree with CRLF text: the seed-like letter with \\r\\n has the same line numbers', () => {
  const lf = `${HEADERS['seed (HTML bold, tabs, two per line)']}${SECTIONS}`.replace('injury on 10/22/2009', 'injury on 10/23/2009');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = lint(lf).findings.map((f) => [f.ruleId, f.range]);
  const b = lint(crlf).findings.map((f) => [f.ruleId, f.range]);
  assert.equal(a.length, 1);
  assert.deepEqual(b, a);
});

test('dates: every form DOMAIN.md lists, 2-digit years, month-year, and impossible dates', () => {
  const found = scanDates('10-13-16, 10/13/2016, 11/16/16, October 10, 2015, Dec. 22, 2009, November 2009, 02/30/2014, 13/45/2016, June 20216, L4-5, 6/10 pain');
  assert.deepEqual(
    found.map((d) => [d.raw, d.date ? `${d.date.year}-${d.date.month}-${d.date.day ?? ''}` : `invalid: ${d.invalidReason}`]),
    [
      ['10-13-16', '2016-10-13'],
      ['10/13/2016', '2016-10-13'],
      ['11/16/16', '2016-11-16'],
      ['October 10, 2015', '2015-10-10'],
      ['Dec. 22, 2009', '2009-12-22'],
      ['November 2009', '2009-11-'],
      ['02/30/2014', 'invalid: February 2014 has 28 days'],
      ['13/45/2016', 'invalid: there is no month 13'],
      ['June 20216', 'invalid: the year 20216 is not plausible'],
    ],
  );
});

test('request quantities: every form DOMAIN.md lists; #90 is not a visit count', () => {
  const cases: [string, number | undefined][] = [
    ['Massage therapy 12 sessions', 12], ['PT (12 sessions)', 12], ['Chiropractic x12', 12], ['PT times 12', 12],
    ['PT 2 times a week for 6 weeks', 12], ['PT two times a week times six weeks', 12], ['Chiropractic 3x4', 12],
    ['PT 2x6', 12], ['PT 1 to 2 times per week for 4 weeks', 8], ['Twelve sessions of PT', 12], ['six sessions', 6],
    ['Norco 10/325mg #90', undefined], ['PT, unspecified quantity', undefined],
    ['PT 3 times a week for 4 weeks (12 sessions)', 12], ['Physical therapy 2 times 6 for the head', 12],
    ['Physical therapy additional 3 visits per week for 2 weeks', 6],
  ];
  for (const [text, count] of cases) assert.equal(parseRequestQuantity(text)?.count, count, text);
});

test('the parser never throws: empty, binary, huge and malformed input', () => {
  const inputs = ['', '\u0000\u0001\u0002\uFFFD', '<b>', '**', '|||\n|-|', ': Upheld', 'Decision rationale:', '\r\r\r', '\f\f', '[ITEM](', '<!-- imr-lint-disable', 'x'.repeat(200_000), 'Case Number: '.repeat(5000)];
  for (const t of inputs) {
    for (const languageId of ['markdown', 'plaintext'] as const) {
      const r = lint(t, { languageId });
      for (const f of r.findings) {
        assert.ok(f.span.start >= 0 && f.span.end <= t.length && f.span.start <= f.span.end, `span in range for ${JSON.stringify(t.slice(0, 20))}`);
      }
    }
  }
});

test('guideline table: defaults validate; a user table extends and overrides; errors name file, path and problem', () => {
  const base = defaultGuidelineTable();
  assert.equal(base.row('massage-mtus')?.limit?.max, 6);
  const user = loadUserGuidelineTable(JSON.stringify({ rows: [{ ...base.row('massage-mtus'), limit: { max: 12, unit: 'visits', text: 'up to 12 visits' } }] }), 'my.json');
  assert.equal(user.row('massage-mtus')?.limit?.max, 12);
  assert.equal(user.rows.length, base.rows.length);
  assert.throws(() => loadUserGuidelineTable('{"rows": [{"id": "x"}]}', 'bad.json'), (e: unknown) => {
    assert.ok(e instanceof GuidelineTableError);
    assert.equal(e.file, 'bad.json');
    assert.ok(e.problems.some((p) => p.path === 'rows[0].treatment'), JSON.stringify(e.problems));
    return true;
  });
  assert.throws(() => loadUserGuidelineTable('{not json', 'broken.json'), /broken\.json: .*not valid JSON|Invalid guideline table broken\.json: not valid JSON/);
  assert.throws(() => loadUserGuidelineTable('{"rows":[{"id":"a","treatment":"t","names":["t"],"source":"MTUS","guideline":{"part":"p"},"confirmed":true,"limit":{"min":9,"max":3,"unit":"visits","text":"x"}}]}', 'f.json'), /rows\[0\]\.limit/);
});

test('a user table changes what visits-over-limit reports', () => {
  const text = `${HEADERS['seed (HTML bold, tabs, two per line)']}${SECTIONS}`.replace('Acupuncture six sessions for the low back', 'Massage therapy 8 sessions for the low back');
  assert.equal(lint(text).findings.filter((f) => f.ruleId === 'visits-over-limit').length, 1);
  const base = defaultGuidelineTable().row('massage-mtus')!;
  const lenient = loadUserGuidelineTable(JSON.stringify({ rows: [{ ...base, limit: { max: 8, unit: 'visits', text: 'up to 8 visits' } }] }), 'lenient.json');
  assert.equal(lint(text, { guidelines: lenient }).findings.filter((f) => f.ruleId === 'visits-over-limit').length, 0);
});

test('date roles: "an occupational claim from <date>" is the date of injury; a range "from <date> to <date>" is not', () => {
  const base = `Case Number: CM16-0000001\nDate of Injury: 11/15/2016\n\nCLINICAL CASE SUMMARY\n`;
  const one = lint(`${base}This case involves a 58-year-old female with a history of an occupational claim from\n11/05/2016.\n`, { languageId: 'plaintext' });
  assert.deepEqual(one.model.dates.filter((d) => d.role === 'injury').map((d) => d.raw), ['11/05/2016']);
  assert.deepEqual(one.findings.filter((f) => f.ruleId === 'injury-date-mismatch').map((f) => f.range.start.line), [5]);
  const range = lint(`${base}She has an occupational claim from 01/05/2015 to 11/15/2016 for cumulative trauma.\n`, { languageId: 'plaintext' });
  assert.deepEqual(range.model.dates.filter((d) => d.role === 'injury').map((d) => d.raw), []);
});

test('date roles: "the prior determination on <date>" is the UR under review; "a prior utilization review" is not', () => {
  const base = `Case Number: CM16-0000001\nUR Denial Date: 11/08/2016\n\nCLINICAL CASE SUMMARY\n`;
  const r = lint(`${base}The prior determination on 11/25/2016 denied the request. A prior utilization review dated 05/01/2016 certified 6 sessions.\n`, { languageId: 'plaintext' });
  assert.deepEqual(r.model.dates.filter((d) => d.role === 'ur').map((d) => d.raw), ['11/25/2016']);
});
