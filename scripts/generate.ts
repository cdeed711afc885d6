// Writes every file generated from the catalogues: schemas/*.schema.json and package.json's API
// settings. The build runs it (scripts/build.mjs); run it by hand with
//   node --import tsx scripts/generate.ts          write the files that changed
//   node --import tsx scripts/generate.ts --check  exit 1 when a file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateManifestFiles } from './generate-manifest';
import { generateSchemaFiles } from './generate-schemas';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, text } of [...(await generateSchemaFiles()), ...(await generateManifestFiles())]) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // a new API: no file yet
    }
    if (current === text) continue;
    stale++;
    if (check) console.error(`out of date: ${path.relative(process.cwd(), file)}`);
    else {
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  if (check && stale) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
