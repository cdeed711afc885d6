// Every code the checks can give has its help line (the SARIF rules of `cert-order check`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSR_RULES } from '../../../common/src/csr';
import { DIAGNOSTIC_HELP, diagnosticHelp } from '../../../common/src/diagnosticHelp';
import { orderRules } from '../../../server/src/service/validation/rules';
import { diagnosticCodes } from '../../../server/src/service/validation/validate';

describe('diagnostic help', () => {
  it('covers every order and CSR diagnostic code, once each', () => {
    const codes = new Set([...diagnosticCodes(orderRules), ...CSR_RULES.map((r) => r.code)]);
    for (const code of codes)
      assert.ok(
        DIAGNOSTIC_HELP.some((h) => h.code === code),
        `${code} has no help`,
      );
    const listed = DIAGNOSTIC_HELP.map((h) => h.code);
    assert.equal(new Set(listed).size, listed.length, 'no code twice');
    for (const code of listed) assert.ok(codes.has(code), `${code} is no longer a diagnostic code`);
  });

  it('gives a generic line for a code it does not know', () => {
    assert.match(diagnosticHelp('some-new-rule').summary, /some-new-rule/);
  });
});
