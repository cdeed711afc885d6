// Writes the JSON Schema of every order API to schemas/<api id>.schema.json, generated from the
// catalogue (server/src/service/schema/orderSchema.ts). The build writes them through
// scripts/generate.ts; on their own:
//   node --import tsx scripts/generate-schemas.ts          write the files
//   node --import tsx scripts/generate-schemas.ts --check  exit 1 when a file is out of date
// test/unit/service/schemas.test.ts fails when the committed files differ from the output.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { catalogues } from '../common/src/catalogue';
import { buildOrderSchema, schemaFileName } from '../server/src/service/schema/orderSchema';

export const SCHEMA_DIR = path.join(__dirname, '..', 'schemas');

/** Each schema file's path and text, formatted as the repository's Prettier would. */
export async function generateSchemaFiles(): Promise<{ file: string; text: string }[]> {
  const options = (await prettier.resolveConfig(path.join(SCHEMA_DIR, 'x.json'))) ?? {};
  return Promise.all(
    catalogues.map(async (api) => {
      const file = path.join(SCHEMA_DIR, schemaFileName(api));
      const text = await prettier.format(JSON.stringify(buildOrderSchema(api)), {
        ...options,
        parser: 'json',
      });
      return { file, text };
    }),
  );
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, text } of await generateSchemaFiles()) {
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

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
