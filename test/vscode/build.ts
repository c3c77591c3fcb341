// Compiles the extension-host suite (test/vscode/index.ts) to dist/test/vscode/index.cjs, the module that
// @vscode/test-electron or code-server loads as extensionTestsPath. 'vscode' stays external (the extension
// host provides it). Run alone with `tsx test/vscode/build.ts`; test/vscode/runTest.ts calls it first.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SUITE = join(ROOT, 'dist', 'test', 'vscode', 'index.cjs');

export async function buildSuite(): Promise<string> {
  await build({
    entryPoints: [join(ROOT, 'test', 'vscode', 'index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['vscode'],
    logLevel: 'warning',
  });
  return SUITE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildSuite();
  console.log(`built ${SUITE}`);
}
