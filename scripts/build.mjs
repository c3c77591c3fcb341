// Bundles the engine's front ends with esbuild. The CLI is CommonJS so that `bin/imr-lint.cjs` starts fast
// with no loader; remark/unified are ESM-only and esbuild folds them into the bundle.
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
};

await build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.cjs' });
