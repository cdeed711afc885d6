// `npm run bench`: runs every benchmark module in scripts/bench/ in one process, so that each
// figure can be compared with its peer measured in the same run. `--json` prints one object.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchModule {
  /** Figures by name; times in milliseconds or microseconds as the name says (`_ms`, `_us`). */
  run(): Promise<Record<string, number | string>>;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const dir = path.join(__dirname, 'bench');
  const results: Record<string, Record<string, number | string>> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    const name = file.replace(/\.bench\.ts$/, '');
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
    if (!json) console.log(`\n## ${name}`);
    results[name] = await mod.run();
    if (!json) {
      for (const [k, v] of Object.entries(results[name])) console.log(`${k.padEnd(48)} ${v}`);
    }
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
