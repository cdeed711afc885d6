// The tables of diagnostic codes (docs/editor.md, docs/csr.md, linked from the README) list every
// code the service and the CSR rules give.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CSR_RULES } from '../../../common/src/csr';
import { orderRules } from '../../../server/src/service/validation/rules';
import { diagnosticCodes } from '../../../server/src/service/validation/validate';
import { ROOT } from './helpers';

describe('the diagnostic code tables in docs/', () => {
  it('documents every diagnostic code', () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'editor.md'), 'utf8');
    const table = page.slice(page.indexOf('## Diagnostics'), page.indexOf('## Completion, hover'));
    assert.ok(table.length > 0, 'docs/editor.md has its Diagnostics section');
    for (const code of diagnosticCodes(orderRules))
      assert.ok(table.includes(`| \`${code}\` |`), `${code} is not in the table`);
  });

  it('documents every CSR rule code', () => {
    const section = readFileSync(path.join(ROOT, 'docs', 'csr.md'), 'utf8');
    for (const rule of CSR_RULES)
      assert.ok(section.includes(`\`${rule.code}\``), `${rule.code} is not in the table`);
  });
});

describe('README', () => {
  it('links every page of docs/ that exists', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const name of readdirSync(path.join(ROOT, 'docs')).filter((n) => n.endsWith('.md')))
      assert.ok(readme.includes(`(docs/${name}`), `README links docs/${name}`);
  });
});
