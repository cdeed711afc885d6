// `npm run screenshots`: after the browser checks, copies their fresh screenshots from
// test-results/screenshots/ to docs/screenshots/ (the README shows those). Failure shots stay.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const from = join('test-results', 'screenshots');
const to = join('docs', 'screenshots');
if (!existsSync(from)) {
  console.error(`no ${from}/: run npm run test:e2e first`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((f) => f.endsWith('.png') && !f.includes('failed'))) {
  copyFileSync(join(from, name), join(to, name));
  console.log(`${join(to, name)}`);
}
