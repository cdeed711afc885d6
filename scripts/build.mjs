// One esbuild run, one bundle per entry point (vscode-eslint / rust-analyzer style).
// The client keeps `vscode` external; the server and the sandbox are plain Node programs.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Minified: the VSIX carries the bundles only. The source maps are written beside them
  // (`*.js.map`, linked from the bundle's last line) for debugging from the repository;
  // .vscodeignore keeps them out of the package.
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
  // Prefer a package's ES module build: jsonc-parser's UMD `main` requires './impl/format' at run
  // time, which esbuild cannot see, and the VSIX then fails to activate ("Cannot find module").
  mainFields: ['module', 'main'],
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['sandbox/src/main.ts'], outfile: 'sandbox/out/sandbox.js' },
];
const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
