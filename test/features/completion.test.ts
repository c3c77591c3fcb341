import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { defaultGuidelineTable } from '../../server/src/index.ts';
import { CA_NO_CITATION, REVIEWER_NO_CITATION, completionItems, completionList, shortCitation } from '../../server/src/features/completion.ts';
import { citationFor } from '../../server/src/rules/citationText.ts';
import { seedText, sharedMissing } from '../helpers/shared.ts';
import { MD, TXT, endOf, indexOf, lintAs, positionAt, rangeAt, replaceOnce, toCrlf } from './helpers.ts';

const table = defaultGuidelineTable();
const MASSAGE = citationFor(table.row('massage-mtus')!);
const PT = citationFor(table.row('pt-myalgia-mtus')!);

function complete(text: string, offset: number, languageId: 'markdown' | 'plaintext' = 'markdown'): CompletionItem[] {
  return completionItems(lintAs(text, languageId), offset, table);
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (i: CompletionItem) => i.textEdit as TextEdit;
function only(items: CompletionItem[], label: string): CompletionItem {
  const found = items.filter((i) => i.label === label);
  assert.equal(found.length, 1, `exactly one ${label} in ${JSON.stringify(labels(items))}`);
  return found[0];
}

test('seed: after "MAXIMUS guideline:" the item\'s own citation comes first, preselected, inserted at the cursor', { skip: sharedMissing }, () => {
  const seed = seedText();
  const at = indexOf(seed, 'Decision based on');
  const items = complete(seed, at);
  assert.equal(MASSAGE, 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Page(s): 60.');
  assert.equal(items[0].label, 'MTUS Chronic Pain Medical Treatment 2009, Page(s): 60', 'the list shows what tells citations apart');
  assert.equal(items[0].filterText, items[0].label);
  assert.equal(items[0].preselect, true);
  assert.equal(items[0].sortText, '0000');
  assert.equal(items[0].kind, CompletionItemKind.Reference);
  assert.equal(items[0].detail, 'massage therapy');
  assert.deepEqual(edit(items[0]), { range: rangeAt(seed, at, at), newText: MASSAGE });
  assert.match((items[0].documentation as { value: string }).value, /4-6 visits/);
  assert.equal(items.filter((i) => i.preselect).length, 1);
  // every citation of the table once, statutes aside; MTUS before other sources after the item's own
  const expected = [...new Set(table.rows.filter((r) => r.source !== 'statute').map(citationFor))];
  assert.deepEqual(items.map((i) => edit(i).newText).sort(), [...expected].sort());
  assert.deepEqual(labels(items), items.map((i) => shortCitation(edit(i).newText)));
  assert.equal(new Set(labels(items)).size, items.length, 'no two entries look the same');
  // the item's own, then MTUS, then other sources; chapters about other body regions than the neck last
  const groups = items.map((i) => i.sortText![0]);
  assert.deepEqual(groups, [...groups].sort());
  const firstOther = items.findIndex((i) => /Non-MTUS/.test(edit(i).newText));
  const firstElsewhere = items.findIndex((i) => i.sortText![0] === '5');
  assert.ok(items.slice(1, firstOther).every((i) => /Decision based on MTUS/.test(edit(i).newText)));
  assert.ok(items.slice(firstOther, firstElsewhere).every((i) => /Non-MTUS/.test(edit(i).newText)));
  assert.ok(firstElsewhere > 0 && items.slice(firstElsewhere).every((i) => !/Neck/.test(i.label)), 'other regions last');
  assert.ok(items.slice(firstElsewhere).some((i) => /ODG Knee/.test(i.label)));
  assert.ok(!labels(items).includes(REVIEWER_NO_CITATION), 'not an ancillary item');
  assert.ok(!labels(items).some((l) => /Labor Code/.test(l)));
});

test('seed: after "Claims Administrator guideline:" the own citation, then the "did not cite" sentence', { skip: sharedMissing }, () => {
  const seed = seedText();
  const at = indexOf(seed, 'The Claims Administrator did not');
  const items = complete(seed, at);
  assert.deepEqual(labels(items).slice(0, 2), [shortCitation(MASSAGE), CA_NO_CITATION]);
  assert.deepEqual(edit(items[1]), { range: rangeAt(seed, at, at), newText: CA_NO_CITATION });
});

test('the typed part of a citation is replaced; the PT item gets the physical medicine citation', () => {
  const text = replaceOnce(MD, '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.', '**MAXIMUS guideline:** Decision bas\n');
  const at = endOf(text, 'Decision bas\n') - 1;
  const items = complete(text, at);
  assert.equal(edit(items[0]).newText, PT);
  assert.equal(items[0].filterText, PT, 'typed "Decision bas": filtered on the whole text');
  assert.equal(items[0].preselect, true);
  assert.deepEqual(edit(items[0]).range, rangeAt(text, at - 'Decision bas'.length, at));
});

test('no space after the label: the citation is inserted with one', () => {
  const text = replaceOnce(MD, '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.', '**MAXIMUS guideline:**');
  const at = endOf(text, '**MAXIMUS guideline:**', 'MASSAGE THERAPY');
  const items = complete(text, at);
  assert.equal(edit(items[0]).newText.trim(), MASSAGE);
  assert.deepEqual(edit(items[0]), { range: rangeAt(text, at, at), newText: ` ${MASSAGE}` });
});

test('plain text, CRLF: citations after a bare label; an ancillary item may state that it cites nothing', () => {
  let text = toCrlf(TXT);
  text = replaceOnce(text, 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,\r\nSection(s): Massage therapy.', 'MAXIMUS guideline: ');
  const at = endOf(text, 'MAXIMUS guideline: ', 'Massage therapy times');
  const items = complete(text, at, 'plaintext');
  assert.equal(edit(items[0]).newText.trim(), MASSAGE);
  assert.deepEqual(edit(items[0]).range, rangeAt(text, at, at));
  const surgical = replaceOnce(text, 'Massage therapy times 6 sessions for the neck: Upheld', 'Associated surgical service: Massage therapy times 6 sessions for the neck: Upheld');
  const s = complete(surgical, endOf(surgical, 'MAXIMUS guideline: ', 'Associated surgical'), 'plaintext');
  assert.deepEqual(labels(s).slice(0, 2), [shortCitation(MASSAGE), REVIEWER_NO_CITATION]);
});

test('verdicts after a title\'s colon: the one the conclusion means first and preselected', () => {
  // massage concludes "not medically necessary": Upheld first
  let text = replaceOnce(MD, 'NECK:** Upheld', 'NECK:** ');
  let at = endOf(text, 'NECK:** ');
  let items = complete(text, at);
  assert.deepEqual(labels(items), ['Upheld', 'Overturned']);
  assert.equal(items[0].preselect, true);
  assert.equal(items[1].preselect, undefined);
  assert.deepEqual(edit(items[0]), { range: rangeAt(text, at, at), newText: 'Upheld' });
  assert.equal(items[0].kind, CompletionItemKind.EnumMember);
  // PT concludes "is medically necessary": Overturned first; the typed "Ov" is replaced
  text = replaceOnce(MD, 'SPINE:** Overturned', 'SPINE:** Ov');
  at = endOf(text, 'SPINE:** Ov');
  items = complete(text, at);
  assert.deepEqual(labels(items), ['Overturned', 'Upheld']);
  assert.deepEqual(items.map((i) => [i.sortText, i.preselect]), [['0', true], ['1', undefined]]);
  assert.deepEqual(edit(items[0]), { range: rangeAt(text, at - 2, at), newText: 'Overturned' });
  assert.match((items[1].documentation as { value: string }).value, /which means Overturned/);
});

test('verdicts: right after the closing ** a space is inserted; plain text titles too; no conclusion, no preselection', () => {
  let text = replaceOnce(MD, 'NECK:** Upheld', 'NECK:**');
  let at = endOf(text, 'NECK:**');
  assert.deepEqual(edit(complete(text, at)[0]), { range: rangeAt(text, at, at), newText: ' Upheld' });

  text = replaceOnce(TXT, 'lumbar spine: Overturned', 'lumbar spine: ');
  at = endOf(text, 'lumbar spine: ');
  let items = complete(text, at, 'plaintext');
  assert.deepEqual(labels(items), ['Overturned', 'Upheld']);

  // a new title at the end, with no parts yet: both, Upheld first, none preselected
  text = `${MD}\n**ACUPUNCTURE TIMES 6 SESSIONS:** `;
  items = complete(text, text.length);
  assert.deepEqual(labels(items), ['Upheld', 'Overturned']);
  assert.ok(items.every((i) => !i.preselect));
});

test('no verdicts after other colons: part labels, the opening sentence, the header', () => {
  for (const [needle, after] of [['**Decision rationale:** ', 'MASSAGE'], ['set forth below:', undefined]] as const) {
    const text = MD;
    const at = endOf(text, needle, after);
    const ls = labels(complete(text, at));
    assert.ok(!ls.includes('Upheld'), `${needle}: ${JSON.stringify(ls)}`);
  }
});

test('seed header: a missing label in the <b> style with a tab and a value snippet; typed "<b>Da" replaced', { skip: sharedMissing }, () => {
  const seed = seedText();
  const text = replaceOnce(seed, '<b>Date of Injury:</b>\t10/22/2009', '<b>Da');
  const at = endOf(text, '<b>Da', '01/31/2014');
  const items = complete(text, at);
  assert.deepEqual(labels(items), ['Date of Injury']);
  assert.deepEqual(edit(items[0]), { range: rangeAt(text, at - 5, at), newText: '<b>Date of Injury:</b>\t${1:MM/DD/YYYY}' });
  assert.equal(items[0].insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(items[0].filterText, '<b>Date of Injury');
  assert.equal(items[0].kind, CompletionItemKind.Field);
});

test('header: every missing label in order, after a tab or at a line start, with its snippet', () => {
  let text = replaceOnce(MD, '<b>Case Number:</b>\tCM16-0219999\t\t\n', '');
  text = replaceOnce(text, '<b>Priority:</b>\tStandard\t', '');
  // at the start of the (now) application line
  const at = indexOf(text, '<b>Application Received:</b>');
  const items = complete(text, at);
  assert.deepEqual(labels(items), ['Case Number', 'Priority']);
  assert.deepEqual(items.map((i) => edit(i).newText), ['<b>Case Number:</b>\tCM${1:yy}-${2:nnnnnnn}', '<b>Priority:</b>\t${1|Standard,Expedited|}']);
  assert.ok(items.every((i) => i.filterText === undefined));
  // after the tab that ends the first field of a line
  const t2 = replaceOnce(MD, '\t<b>Date of Injury:</b>\t10/13/2015', '\tDate of');
  const at2 = endOf(t2, '\tDate of');
  const i2 = complete(t2, at2);
  assert.deepEqual(labels(i2), ['Date of Injury']);
  assert.deepEqual(edit(i2[0]).range, rangeAt(t2, at2 - 'Date of'.length, at2));
  // in a value: nothing of the header
  assert.deepEqual(complete(MD, endOf(MD, '\t11/18/20')), []);
});

test('header: **Label:** style one per line, and bare plain-text labels', () => {
  const bold = `**Case Number:** CM16-0219999\n**Date Assigned:** 11/18/2016\n**Date of Injury:** 10/13/2015\n**Decision Date:** 12/19/2016\n**UR Denial Date:** 11/03/2016\n\n${MD.slice(MD.indexOf('### HOW'))}`;
  const text = `${bold.slice(0, bold.indexOf('\n\n###'))}\n**Pri${bold.slice(bold.indexOf('\n\n###'))}`;
  const at = endOf(text, '**Pri');
  const items = complete(text, at);
  assert.deepEqual(labels(items), ['Priority'], 'only labels the typed words begin');
  assert.deepEqual(edit(items[0]), { range: rangeAt(text, at - 5, at), newText: '**Priority:** ${1|Standard,Expedited|}' });
  assert.equal(items[0].filterText, '**Priority');

  const plain = replaceOnce(TXT, 'Priority:             Standard                        Application          11/14/2016\n                                                      Received:\n', 'Pr\n');
  const atp = endOf(plain, '\nPr');
  const ip = complete(plain, atp, 'plaintext');
  assert.deepEqual(labels(ip.filter((i) => i.kind === CompletionItemKind.Field)), ['Priority']);
  assert.deepEqual(edit(ip[0]), { range: rangeAt(plain, atp - 2, atp), newText: 'Priority: ${1|Standard,Expedited|}' });
});

test('header: Standard and Expedited after "Priority:"', () => {
  const text = replaceOnce(MD, '<b>Priority:</b>\tStandard', '<b>Priority:</b>\tSt');
  const at = endOf(text, '<b>Priority:</b>\tSt');
  const items = complete(text, at);
  assert.deepEqual(labels(items), ['Standard', 'Expedited']);
  assert.deepEqual(edit(items[1]), { range: rangeAt(text, at - 2, at), newText: 'Expedited' });
});

test('an empty Markdown document: header labels in the seed\'s <b> layout and the three headings', () => {
  const items = complete('', 0);
  assert.deepEqual(labels(items), [
    'Case Number', 'Date Assigned', 'Date of Injury', 'Decision Date', 'UR Denial Date', 'Priority', 'Application Received',
    'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES',
  ]);
  assert.equal(edit(items[2]).newText, '<b>Date of Injury:</b>\t${1:MM/DD/YYYY}');
  assert.equal(edit(items[8]).newText, '### CLINICAL CASE SUMMARY');
  assert.equal(complete('', 0, 'plaintext')[8].textEdit!.newText, 'CLINICAL CASE SUMMARY');
});

test('section headings: only the missing ones, "### " in Markdown, the typed "### CL" replaced', () => {
  const text = replaceOnce(MD, '### CLINICAL CASE SUMMARY', '### CL');
  const at = endOf(text, '### CL');
  const items = complete(text, at);
  assert.deepEqual(labels(items), ['CLINICAL CASE SUMMARY']);
  assert.deepEqual(edit(items[0]), { range: rangeAt(text, at - 6, at), newText: '### CLINICAL CASE SUMMARY' });
  assert.equal(items[0].filterText, '### CLINICAL CASE SUMMARY');
  assert.equal(items[0].kind, CompletionItemKind.Module);
  // plain text: after the centring blanks, no hashes
  const plain = replaceOnce(TXT, '                                CLINICAL CASE SUMMARY', '                                clin');
  const atp = endOf(plain, '                                clin');
  const ip = complete(plain, atp, 'plaintext');
  assert.deepEqual(labels(ip), ['CLINICAL CASE SUMMARY']);
  assert.deepEqual(edit(ip[0]), { range: rangeAt(plain, atp - 4, atp), newText: 'CLINICAL CASE SUMMARY' });
  assert.equal(ip[0].filterText, undefined);
  // all present: none; inside prose: nothing at all
  assert.ok(!complete(MD, endOf(MD, 'expert reviewer.\n\n')).some((i) => i.kind === CompletionItemKind.Module));
  assert.deepEqual(complete(MD, endOf(MD, 'The injured worker is a')), []);
});

test('decisions section, start of a line: the item labels in the document\'s style, the next missing one preselected', () => {
  const text = `${MD}\n**ACUPUNCTURE TIMES 6 SESSIONS:** Upheld\n\n**Claims Administrator guideline:** ${CA_NO_CITATION}\n\n**MA`;
  const at = text.length;
  const items = complete(text, at);
  assert.deepEqual(labels(items).filter((l) => l.endsWith(':')), ['MAXIMUS guideline:'], '"MA" begins one label only');
  assert.equal(items[0].preselect, true);
  assert.deepEqual(edit(items[0]), { range: rangeAt(text, at - 4, at), newText: '**MAXIMUS guideline:** ' });
  assert.equal(items[0].filterText, '**MAXIMUS guideline:');
  assert.equal(items[0].command?.command, 'editor.action.triggerSuggest');
  const rationale = complete(`${text.slice(0, -2)}De`, at);
  assert.deepEqual(labels(rationale).filter((l) => l.endsWith(':')), ['Decision rationale:']);
  assert.equal(rationale[0].command, undefined);

  const plain = `${TXT}\nAcupuncture times 6 sessions: Upheld\n\n`;
  const ip = complete(plain, plain.length, 'plaintext');
  assert.deepEqual(labels(ip).slice(0, 3), ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:']);
  assert.deepEqual(ip.slice(0, 3).map((i) => edit(i).newText), ['Claims Administrator guideline: ', 'MAXIMUS guideline: ', 'Decision rationale: ']);
});

test('an item title: treatment names from the table, each once, with the guideline limit; a partly typed name is replaced whole', () => {
  const text = `${MD}\n**MASSAGE TH`;
  const at = text.length;
  const items = complete(text, at).filter((i) => i.kind === CompletionItemKind.Value);
  const names = [...new Set(table.rows.flatMap((r) => r.names.map((n) => n.toUpperCase())))];
  assert.deepEqual(labels(items), names);
  const massage = only(items, 'MASSAGE THERAPY');
  assert.deepEqual(edit(massage), { range: rangeAt(text, at - 'MASSAGE TH'.length, at), newText: 'MASSAGE THERAPY' });
  assert.equal(massage.detail, '4-6 visits');
  assert.deepEqual(edit(only(items, 'THERAPEUTIC EXERCISE')).range, rangeAt(text, at - 2, at));
  assert.equal(only(items, 'PHYSICAL THERAPY').detail, '9-10 visits over 8 weeks');
  assert.match((only(items, 'PSYCHOTHERAPY').documentation as { value: string }).value, /Not yet confirmed/);
});

test('title casing follows the title: sentence case in plain text, abbreviations in capitals', () => {
  const text = `${TXT}\nPhysical th`;
  const at = text.length;
  const items = complete(text, at, 'plaintext').filter((i) => i.kind === CompletionItemKind.Value);
  const pt = only(items, 'Physical therapy');
  assert.deepEqual(edit(pt), { range: rangeAt(text, at - 'Physical th'.length, at), newText: 'Physical therapy' });
  assert.ok(items.some((i) => i.label === 'therapeutic exercise'), 'mid-title names in lower case');
  assert.ok(items.some((i) => i.label === 'TENS'));
  // on an existing title line, before its colon
  const at2 = endOf(MD, '**MASS');
  const i2 = complete(MD, at2).filter((i) => i.kind === CompletionItemKind.Value);
  assert.deepEqual(edit(only(i2, 'MASSAGE THERAPY')).range, rangeAt(MD, at2 - 4, at2));
});

test('nothing inside a rationale or a guideline line\'s prose', () => {
  assert.deepEqual(complete(MD, endOf(MD, 'Further massage')), []);
  assert.deepEqual(complete(TXT, endOf(TXT, 'Therefore, the request', 'Massage therapy times'), 'plaintext'), []);
});

test('UTF-16 columns: a title after an emoji on the line', () => {
  const text = `${MD}\n**😀 MASSAGE TH`;
  const at = text.length;
  const item = only(complete(text, at), 'MASSAGE THERAPY');
  assert.deepEqual(edit(item).range, { start: positionAt(text, at - 10), end: positionAt(text, at) });
  assert.equal(edit(item).range.start.character, 5);
});

test('fast enough to run on every keystroke: 200 completions on a 1 MB determination under a second', () => {
  const body = MD.slice(MD.indexOf('**MASSAGE'));
  const big = MD + body.repeat(Math.ceil(1_000_000 / body.length));
  const result = lintAs(big);
  const at = endOf(big, 'SPINE:** ');
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) completionItems(result, at - (i % 3), table);
  const ms = performance.now() - t0;
  assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
});

test('a long single line (no sections, 400 KB): completion and its regexes stay linear', () => {
  for (const unit of ['abc def ', 'a: b ', 'Decision based on MTUS ']) {
    const text = unit.repeat(50_000);
    const result = lintAs(text);
    const t0 = performance.now();
    for (const at of [text.length, text.length - 3, 100_000]) completionItems(result, at, table);
    const ms = performance.now() - t0;
    assert.ok(ms < 500, `${JSON.stringify(unit)}: ${ms.toFixed(0)} ms`);
  }
});

// Completion that helps typing (issue 9): it opens by itself only for values, closes on a whole entry,
// offers labels only where one is being typed, and answers at a snippet's tab stop.

test('a typed ":" opens the list only for a value: citations and priorities, never a verdict or a title', () => {
  const title = replaceOnce(MD, 'NECK:** Upheld', 'NECK:');
  assert.deepEqual(completionItems(lintAs(title, 'markdown'), endOf(title, 'NECK:'), table, 'character'), []);
  assert.ok(completionItems(lintAs(title, 'markdown'), endOf(title, 'NECK:'), table, 'invoked').length > 0, 'Ctrl+Space still offers the verdicts');
  const cite = replaceOnce(MD, '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.', '**MAXIMUS guideline:');
  assert.ok(completionItems(lintAs(cite, 'markdown'), endOf(cite, '**MAXIMUS guideline:', 'MASSAGE THERAPY'), table, 'character').length > 5);
  const priority = replaceOnce(MD, '<b>Priority:</b>\tStandard', '<b>Priority:</b>');
  assert.deepEqual(labels(completionItems(lintAs(priority, 'markdown'), endOf(priority, '<b>Priority:</b>'), table, 'character')), ['Standard', 'Expedited']);
});

test('a verdict typed in full closes the list (Enter ends the line); the list is incomplete, so it is asked again', () => {
  const part = replaceOnce(MD, 'NECK:** Upheld', 'NECK:** Uph');
  const list = completionList(lintAs(part, 'markdown'), endOf(part, 'NECK:** Uph'), table);
  assert.equal(list.isIncomplete, true);
  assert.deepEqual(labels(list.items), ['Upheld', 'Overturned']);
  const whole = completionList(lintAs(MD, 'markdown'), endOf(MD, 'NECK:** Upheld'), table);
  assert.deepEqual(labels(whole.items), ['Overturned'], 'nothing left to complete for "Upheld"');
  assert.deepEqual(completionItems(lintAs(MD, 'markdown'), endOf(MD, 'SPINE:** Overturned'), table).filter((i) => i.label === 'Overturned'), []);
});

test('"AC" starting a title is not a label being typed: no item label is offered or preselected', () => {
  const text = `${MD}\n**AC`;
  const items = complete(text, text.length);
  assert.deepEqual(items.filter((i) => i.kind === CompletionItemKind.Property), []);
  assert.equal(items.filter((i) => i.preselect).length, 0);
  assert.ok(items.some((i) => i.label === 'ACUPUNCTURE'));
});

test('a capitalized title being typed: treatment names in capitals, asked again as typing goes on', () => {
  const text = `${MD}\n**PHYS`;
  const list = completionList(lintAs(text, 'markdown'), text.length, table);
  assert.equal(list.isIncomplete, true);
  const pt = list.items.find((i) => /^PHYSICAL THERAPY$/.test(i.label));
  assert.ok(pt, 'PHYSICAL THERAPY in capitals');
  assert.equal(edit(pt!).newText, 'PHYSICAL THERAPY');
});

test('at the snippet\'s guideline tab stop ("[GUIDELINE]" selected): citations that replace the placeholder whole', () => {
  const text = replaceOnce(MD, '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.', '**MAXIMUS guideline:** Decision based on [GUIDELINE]');
  const start = endOf(text, '**MAXIMUS guideline:** ', 'MASSAGE THERAPY');
  const end = endOf(text, 'Decision based on [GUIDELINE]', 'MASSAGE THERAPY');
  for (const at of [end, end - '[GUIDELINE]'.length]) {
    const items = complete(text, at);
    assert.ok(items.length > 5, `citations at offset ${at}`);
    assert.equal(edit(items[0]).newText, MASSAGE);
    assert.deepEqual(edit(items[0]).range, rangeAt(text, start, end), 'the whole "Decision based on [GUIDELINE]" is replaced');
    const typed = text.slice(start, at);
    assert.ok(items.every((i) => i.filterText!.startsWith(typed)), 'every entry matches what the editor filters on');
  }
});
