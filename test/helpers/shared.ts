import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `../shared/` beside the checkout: read-only material that CI provides. */
export const SHARED = process.env.IMR_SHARED_DIR ?? join(ROOT, '..', 'shared');
export const SEED_DIR = join(SHARED, 'seed');
export const REAL_DIR = join(SHARED, 'real-imr');

/** Why tests that need ../shared/ are skipped, or undefined when it is there. */
export const sharedMissing: string | undefined = existsSync(SEED_DIR) && existsSync(REAL_DIR)
  ? undefined
  : `../shared/ not found at ${SHARED}: seed and real-letter tests are SKIPPED (set IMR_SHARED_DIR to run them)`;
if (sharedMissing) process.stderr.write(`NOTE: ${sharedMissing}\n`);

export function seedText(): string {
  const f = readdirSync(SEED_DIR).find((n) => n.endsWith('.txt') || n.endsWith('.md'))!;
  return readFileSync(join(SEED_DIR, f), 'utf8');
}

/** Real letters: { name, text } with the three source lines of 01.txt... removed (not the "----" line). */
export function realLetters(): { name: string; text: string; note?: string }[] {
  const out: { name: string; text: string; note?: string }[] = [];
  for (const n of readdirSync(REAL_DIR).filter((n) => /^\d\d\.txt$/.test(n)).sort()) {
    const lines = readFileSync(join(REAL_DIR, n), 'utf8').split('\n');
    out.push({ name: n, text: lines.slice(3).join('\n'), note: lines[2] });
  }
  const corpus = join(REAL_DIR, 'corpus');
  for (const n of readdirSync(corpus).sort()) out.push({ name: `corpus/${n}`, text: readFileSync(join(corpus, n), 'utf8') });
  return out;
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
}
