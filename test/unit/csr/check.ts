// Shared helpers for the rule tests: run checkCsr on a fixture and pick findings by rule code.
import { analyseCsrText, checkCsr, type CsrCheckContext, type CsrFinding } from '../../../common/src/csr';
import { readFixture } from './openssl';

export const COMODO: CsrCheckContext = { api: 'comodo-autoapplyssl' };
export const SMIME: CsrCheckContext = { api: 'ssl2buy-sectigo-pac-enterprise' };

export function findingsFor(text: string, ctx: CsrCheckContext): CsrFinding[] {
  return checkCsr(analyseCsrText(text), ctx);
}

/** Findings of one rule for a fixture file. */
export function ruleFindings(fixtureName: string, code: string, ctx: CsrCheckContext = COMODO): CsrFinding[] {
  return findingsFor(readFixture(fixtureName), ctx).filter((f) => f.code === code);
}

export function codes(fixtureName: string, ctx: CsrCheckContext = COMODO): string[] {
  return findingsFor(readFixture(fixtureName), ctx).map((f) => f.code);
}
