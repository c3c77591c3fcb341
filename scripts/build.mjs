// Bundles the front ends of the engine with esbuild: the CLI, the language server and the VS Code client.
// All CommonJS, so that `bin/imr-lint.cjs` and VS Code load them with no loader; remark/unified are
// ESM-only and esbuild folds them into the bundles. `--production` minifies (the .vsix).
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build that requires its own files at run time; its ES build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // server/src/io/ruleDocs.ts reads import.meta.url only when __dirname is missing (tsx, not the bundles).
  logOverride: { 'empty-import-meta': 'silent' },
};

try {
  await Promise.all([
    build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.cjs' }),
    build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.cjs' }),
    // The client runs in VS Code's extension host, which provides the `vscode` module.
    build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  ]);
} catch {
  process.exit(1); // esbuild has printed the errors
}
