// The README's table of diagnostic codes lists every code the service gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
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
});
