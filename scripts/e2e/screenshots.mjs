// Screenshots of the real workbench (code-server in headless Chromium) with the installed extension, for
// README.md: the seed with its squiggles and the Problems panel, the quick-fix menu on the injury date,
// a code lens and an inlay hint, the Outline view. Each is taken only once the DOM shows what it is meant to show; otherwise this fails
// (and leaves the page as it was in <run>/screenshot-failure.png).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pixelDifference } from './png.mjs';

export const SHOTS = [
  { file: 'diagnostics.png', what: 'the seed with its squiggles and the Problems panel' },
  { file: 'quick-fix.png', what: 'the quick-fix menu on the injury date' },
  { file: 'outline.png', what: 'the Outline view of the seed' },
  { file: 'code-lens.png', what: 'the code lens above a disputed item and the inlay hint after its schedule' },
];

const WAIT = { timeout: 30_000 };
/** A screenshot replaces the file in docs/images only when more than this share of its pixels changed (a caret, a hover). */
const CHANGED = 0.005;

/** Takes the screenshot; writes it unless the file there already shows the same (returns what it did). */
async function shoot(page, file, results) {
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  const diff = existsSync(file) ? pixelDifference(readFileSync(file), png) : 1;
  if (diff > CHANGED) writeFileSync(file, png);
  results.push(`${file.split('/').pop()} ${diff > CHANGED ? 'written' : `unchanged (${(diff * 100).toFixed(2)} % of pixels differ)`}`);
}

/** A workspace a reviewer might have: the seed as seed.md, two real letters, a README. */
export function screenshotWorkspace(runDir, shared) {
  const folder = join(runDir, 'determinations');
  mkdirSync(join(folder, 'letters'), { recursive: true });
  const seed = readdirSync(join(shared, 'seed')).find((n) => /\.(txt|md)$/.test(n));
  copyFileSync(join(shared, 'seed', seed), join(folder, 'seed.md'));
  for (const l of ['01.txt', '05.txt']) copyFileSync(join(shared, 'real-imr', l), join(folder, 'letters', l));
  writeFileSync(join(folder, 'README.md'), '# Determinations\n\nDrafts in progress.\n');
  // The seed with its request written as a schedule: a code lens above the item, an inlay hint after it.
  const text = readFileSync(join(shared, 'seed', seed), 'utf8');
  writeFileSync(join(folder, 'schedule.md'), text.replace('TIMES 12 SESSIONS', '2 TIMES A WEEK FOR 6 WEEKS'));
  return folder;
}

async function quickOpen(page, text) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', ...WAIT });
  await input.fill(text);
  return input;
}

/** Opens a file of the workspace with quick open, until its tab is the active one. */
async function openFile(page, name) {
  const input = await quickOpen(page, name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor(WAIT);
  await input.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor(WAIT);
}

/** Runs a command from the palette by its title. */
async function command(page, title) {
  const input = await quickOpen(page, `>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor(WAIT);
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', ...WAIT });
}

/** Puts the cursor at line:column with Go to Line (quick open ":l:c"), until the status bar says it is there. */
async function goTo(page, line, column) {
  const where = page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` });
  for (let attempt = 1; ; attempt++) {
    const input = await quickOpen(page, `:${line}:${column}`);
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor(WAIT);
    await input.press('Enter');
    try {
      await where.waitFor({ timeout: 5000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Returns one line per screenshot: written or unchanged. */
export async function takeScreenshots({ browser, baseUrl, folder, outDir, runDir }) {
  const results = [];
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let step = 'open the workbench';
  try {
    await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor(WAIT);
    if (await page.locator('.part.auxiliarybar').isVisible()) await command(page, 'View: Close Secondary Side Bar');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed.md' }).waitFor(WAIT);

    step = 'open seed.md, its squiggles and the Problems panel';
    // 1. The seed: squiggles on the injury date, the Problems panel listing both findings.
    await openFile(page, 'seed.md');
    // To the date of injury in the summary (line 16, column 214), which scrolls it into view.
    await goTo(page, 16, 214);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor(WAIT);
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row[aria-label*="imr-lint"]');
    await rows.nth(1).waitFor(WAIT);
    await page.locator('[id="status.problems"]').waitFor(WAIT);
    await command(page, 'Notifications: Clear All Notifications').catch(() => undefined);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor(WAIT);
    await shoot(page, join(outDir, SHOTS[0].file), results);

    step = 'the quick-fix menu';
    // 2. The quick-fix menu on "December 22, 2009" (the cursor is in it).
    await page.keyboard.press('Control+1'); // back to the editor, the cursor where it was
    await goTo(page, 16, 214);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Change to October 22, 2009 (the header's date)" }).first();
    await fix.waitFor(WAIT);
    await shoot(page, join(outDir, SHOTS[1].file), results);
    await page.keyboard.press('Escape');
    await fix.waitFor({ state: 'hidden', ...WAIT });

    step = 'the code lens and the inlay hint';
    // 4 (taken before the Outline changes the layout). schedule.md: the lens above the item, "= 12 visits" after its schedule.
    {
      await openFile(page, 'schedule.md');
      await goTo(page, 22, 1);
      await page.locator('.monaco-editor .codelens-decoration', { hasText: 'visits requested' }).first().waitFor(WAIT);
      await page.locator('.monaco-editor .view-lines', { hasText: '= 12 visits' }).first().waitFor(WAIT);
      await page.mouse.move(25, 500);
      await shoot(page, join(outDir, SHOTS[3].file), results);
      await openFile(page, 'seed.md');
    }

    step = 'the Outline view';
    // 3. The Outline view: header fields, the three sections, the disputed item with its verdict.
    await page.keyboard.press('Control+J'); // View: Toggle Panel Visibility (closes the Problems panel)
    await page.locator('.markers-panel').waitFor({ state: 'hidden', ...WAIT });
    await command(page, 'Explorer: Focus on Outline View');
    // The folder's section collapsed, so that the Outline has the side bar's height.
    await page.locator('.pane-header', { hasText: 'determinations' }).first().click();
    await page.locator('.explorer-folders-view').waitFor({ state: 'hidden', ...WAIT });
    const outline = page.locator('.outline-pane');
    await outline.locator('.monaco-list-row', { hasText: 'MASSAGE THERAPY' }).first().waitFor(WAIT);
    await outline.locator('.monaco-list-row', { hasText: 'CLINICAL CASE SUMMARY' }).first().waitFor(WAIT);
    // A wider side bar, so that the item's title reads in full: its sash dragged to the right.
    const sash = page.locator('.part.sidebar').first();
    const box = await sash.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 160, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    // Scroll bars fade out a moment after a change: wait for that, so that two runs take the same picture.
    await page.mouse.move(25, 500); // over the empty part of the activity bar: no hover
    await page.locator('.scrollbar.vertical.visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    await shoot(page, join(outDir, SHOTS[2].file), results);
    return results;
  } catch (e) {
    await page.screenshot({ path: join(runDir, 'screenshot-failure.png') }).catch(() => undefined);
    e.message = `${step}: ${e.message}`;
    throw e;
  } finally {
    await page.close().catch(() => undefined);
  }
}
