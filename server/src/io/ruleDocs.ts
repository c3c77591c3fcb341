// The rule pages (docs/rules/<id>.md) as shipped: beside dist/ in the .vsix and the npm package, or in the
// repository when run from source. Every link the tools emit points at one of these files, so it opens
// with no network (there is no web site to link to).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

let found: string | null | undefined;

/** The folder of the rule pages, or undefined when this installation has none. */
export function ruleDocsDir(): string | undefined {
  if (found === undefined) {
    // dist/cli.cjs and dist/server.cjs: ../docs/rules; server/src/io/*.ts (tests, tsx): ../../../docs/rules.
    const here = typeof __dirname === 'string' ? __dirname : dirname(new URL(import.meta.url).pathname);
    found = [join(here, '..', 'docs', 'rules'), join(here, '..', '..', '..', 'docs', 'rules')].find((d) => existsSync(join(d, 'README.md')) || existsSync(join(d, 'late.md'))) ?? null;
  }
  return found ?? undefined;
}

/** The page of a rule, when it is there. */
export function ruleDocPath(id: string): string | undefined {
  const dir = ruleDocsDir();
  if (!dir || !/^[a-z0-9-]+$/.test(id)) return undefined;
  const file = join(dir, `${id}.md`);
  return existsSync(file) ? file : undefined;
}

export function ruleDocUri(id: string): string | undefined {
  const file = ruleDocPath(id);
  return file ? pathToFileURL(file).toString() : undefined;
}

/** The page's Markdown, or undefined. */
export function ruleDoc(id: string): string | undefined {
  const file = ruleDocPath(id);
  try {
    return file ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
