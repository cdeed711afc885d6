// One esbuild run, one bundle per entry point (vscode-eslint / rust-analyzer style).
// The client keeps `vscode` external; the server and the sandbox are plain Node programs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { oneTypesBuild, sharedLibrariesBundle, undiciSubset, useSharedLibraries } from './bundle/plugins.mjs';

// First the files generated from the catalogues (schemas, package.json's API settings, the
// snippets), so that what is bundled and packaged matches the catalogues.
const generated = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
});
if (generated.status !== 0) process.exit(generated.status ?? 1);

const watch = process.argv.includes('--watch');
const IMPORT_META_URL = "const importMetaUrl = require('url').pathToFileURL(__filename).href;";
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
  plugins: [oneTypesBuild],
  // An ES module build that reads import.meta.url (tinyglobby's fdir, used by the server and the
  // command-line tool) gets the bundle's own URL: in a CJS bundle import.meta is empty.
  banner: { js: IMPORT_META_URL },
  define: { 'import.meta.url': 'importMetaUrl' },
};
// The client and the server load the libraries they share from one file (common/out/libraries.js);
// the sandbox and the command-line tool are bundles on their own. See scripts/bundle/plugins.mjs.
const entries = [
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    external: ['vscode'],
    plugins: [useSharedLibraries('client/out/extension.js'), undiciSubset],
  },
  {
    entryPoints: ['server/src/server.ts'],
    outfile: 'server/out/server.js',
    plugins: [useSharedLibraries('server/out/server.js'), oneTypesBuild],
  },
  sharedLibrariesBundle(fileURLToPath(new URL('..', import.meta.url))),
  { entryPoints: ['sandbox/src/main.ts'], outfile: 'sandbox/out/sandbox.js' },
  // The command-line tool (`cert-order`, package.json `bin`): the same service as the server. The
  // bin is its process I/O only; it loads check-command.js for `check` (the checker and the output
  // formats, so that a check compiles a third of the code) and commands.js for every other command.
  {
    entryPoints: ['cli/src/cli.ts'],
    outfile: 'cli/out/cert-order.js',
    banner: { js: `#!/usr/bin/env node\n${IMPORT_META_URL}` },
  },
  { entryPoints: ['cli/src/check.ts'], outfile: 'cli/out/check-command.js' },
  { entryPoints: ['cli/src/main.ts'], outfile: 'cli/out/commands.js' },
  // A worker thread of `cert-order check` (cli/src/checkThreads.ts): only the checker.
  { entryPoints: ['cli/src/checkWorker.ts'], outfile: 'cli/out/check-worker.js' },
];
const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // The bin runs as ./cli/out/cert-order.js too, not only through npx.
  chmodSync('cli/out/cert-order.js', 0o755);
}
