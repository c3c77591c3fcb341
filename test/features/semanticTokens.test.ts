import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../server/src/index.ts';
import { semanticTokens, TOKEN_TYPES } from '../../server/src/features/semanticTokens.ts';

const LETTER = `Case Number:          CM16-0228949
Date Assigned:        12/05/2016                      Date of Injury:      10/14/2016
Decision Date:        12/30/2016                      UR Denial Date:      11/16/2016
Priority:             Standard                        Application          11/28/2016
                                                      Received:

                 HOW THE IMR FINAL DETERMINATION WAS MADE
Standard text.

                                CLINICAL CASE SUMMARY
The injured worker sustained an industrial injury on 10-14-2016.

                      IMR ISSUES, DECISIONS AND RATIONALES
Continue physical therapy 3 times a week for 2 weeks: Upheld

Claims Administrator guideline: Decision based on MTUS Forearm, Wrist, and Hand
Complaints 2004.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
Section(s): Physical medicine treatment.

Decision rationale: Fading of treatment is recommended. As such, this request is not medically necessary.
`;

/** Decodes LSP's relative encoding into [line, character, text, type]. */
function decode(text: string, data: number[]) {
  const lines = text.split('\n');
  const out: [number, number, string, string][] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    out.push([line, ch, lines[line].slice(ch, ch + data[i + 2]), TOKEN_TYPES[data[i + 3]]]);
  }
  return out;
}

test('plain-text tokens: labels, headings, dates, citations and the verdict, in order, one line each', () => {
  const tokens = decode(LETTER, semanticTokens(lint(LETTER, { languageId: 'plaintext' })));
  const byType = (t: string) => tokens.filter((x) => x[3] === t).map((x) => x[2]);
  assert.deepEqual(byType('keyword').slice(0, 7), ['Case Number:', 'Date Assigned:', 'Date of Injury:', 'Decision Date:', 'UR Denial Date:', 'Priority:', 'Application']);
  assert.deepEqual(byType('keyword').slice(7), ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:']);
  assert.deepEqual(byType('class'), ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']);
  assert.deepEqual(byType('number'), ['12/05/2016', '10/14/2016', '12/30/2016', '11/16/2016', '11/28/2016', '10-14-2016']);
  assert.deepEqual(byType('imrUpheld'), ['Upheld']);
  // The citation wraps over two lines: two tokens, one per line.
  assert.deepEqual(byType('string'), ['Chronic Pain Medical Treatment 2016,', 'Section(s): Physical medicine treatment']);
  // Strictly increasing positions: no overlap, as LSP requires.
  for (let i = 1; i < tokens.length; i++) {
    const [l0, c0, t0] = tokens[i - 1];
    const [l1, c1] = tokens[i];
    assert.ok(l1 > l0 || c1 >= c0 + t0.length, `token ${i} overlaps the previous one`);
  }
});
