// Comodo `years` / `days`: not needed "if there is only one possible value – e.g. Trial SSL" (43).
// The document gives the values 1-3 and 365/730/1095 "for most products", not Trial SSL's one
// value, so a validity written for 43 is at best redundant and may be refused: leave it out.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { removeProperty } from '../../edits';
import { NO_FINDINGS, type OrderRule, type RuleFinding } from '../rule';
import { COMODO, productName } from './comodoProducts';
import { baseProduct, hasSingleValidity, validityFields } from './comodoValidity';

export const comodoValiditySingle: OrderRule = {
  code: 'comodo-validity-single',
  severity: DiagnosticSeverity.Warning,
  apis: COMODO,
  check(ctx) {
    if (!hasSingleValidity(ctx)) return NO_FINDINGS;
    const { years, days } = validityFields(ctx);
    const findings: RuleFinding[] = [];
    for (const b of [years, days]) {
      if (!b) continue;
      const value = b.property.valueNode;
      findings.push({
        range: ctx.model.rangeOf(b.property.keyNode),
        message:
          `'${b.key}' is not needed for ${productName(baseProduct(ctx)!)}: it has only one possible validity, so the document requires neither 'years' nor 'days'. ` +
          `The values 1, 2, 3 and 365, 730, 1095 are "for most products"; the document does not give Trial SSL's. Remove '${b.key}'.`,
        fixes: [
          { title: `Remove '${b.key}'`, edits: [removeProperty(ctx.model, b.property)], preferred: true },
        ],
        // Whether 365/730/1095 fit Trial SSL is unknown: no value-not-allowed on top.
        ...(value ? { supersedes: [ctx.model.rangeOf(value)] } : {}),
      });
    }
    return findings;
  },
};
