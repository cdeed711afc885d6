// Bundles the in-editor suite (test/vscode/suite/*.ts) into test/vscode/out/, one file per test
// module plus index.js, the module VS Code loads as `extensionTestsPath`. `vscode` is provided by
// the extension host and mocha is loaded from the repository's node_modules.
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const SUITE_OUT = path.join(__dirname, 'out');
/** `extensionTestsPath` for both runners. */
export const SUITE_INDEX = path.join(SUITE_OUT, 'index');

export async function buildSuite(): Promise<string> {
  const dir = path.join(__dirname, 'suite');
  const entryPoints = readdirSync(dir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_INDEX;
}
