// The README's tables of diagnostic codes list every code the service and the CSR rules give.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CSR_RULES } from '../../../common/src/csr';
import { orderRules } from '../../../server/src/service/validation/rules';
import { diagnosticCodes } from '../../../server/src/service/validation/validate';
import { ROOT } from './helpers';

describe('README', () => {
  it('documents every diagnostic code', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Diagnostics'), readme.indexOf('### Completion, hover'));
    for (const code of diagnosticCodes(orderRules))
      assert.ok(table.includes(`| \`${code}\` |`), `${code} is not in the table`);
  });

  it('documents every CSR rule code', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## CSR decode and checks'),
      readme.indexOf('## Submitting orders'),
    );
    for (const rule of CSR_RULES)
      assert.ok(section.includes(`\`${rule.code}\``), `${rule.code} is not in the table`);
  });
});
