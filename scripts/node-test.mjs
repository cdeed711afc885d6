// Runs every `*.test.ts` under the given folders with Node's test runner (through tsx).
// Node 20's `--test` takes neither `**` globs nor `.ts` files found in a folder, so the files
// are listed here. `--serial` runs one file at a time (the browser checks each start an editor).
//   node scripts/node-test.mjs [--serial] DIR...
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'out' ? [] : testFiles(p);
      return name.endsWith('.test.ts') ? [p] : [];
    });
}

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--'));
const files = dirs.flatMap(testFiles);
if (files.length === 0) {
  console.log(`no *.test.ts under ${dirs.join(', ')}`);
  process.exit(0);
}
const flags = ['--import', 'tsx', '--test', '--test-reporter=spec'];
if (args.includes('--serial')) flags.push('--test-concurrency=1');
const res = spawnSync(process.execPath, [...flags, ...files], { stdio: 'inherit' });
process.exit(res.status ?? 1);
