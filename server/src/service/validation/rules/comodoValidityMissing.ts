// Comodo: `years` or `days` is required, unless the product has one possible validity (43).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { addProperties, placeholderValue } from '../../edits';
import { NO_FINDINGS, type OrderRule } from '../rule';
import { vendorMessage } from '../vendorText';
import { COMODO } from './comodoProducts';
import { DAYS, YEARS, hasSingleValidity, validityFields } from './comodoValidity';

export const comodoValidityMissing: OrderRule = {
  code: 'comodo-validity-missing',
  severity: DiagnosticSeverity.Error,
  apis: COMODO,
  check(ctx) {
    const root = ctx.model.root;
    const { years, days } = validityFields(ctx);
    if (!root || years || days || hasSingleValidity(ctx)) return NO_FINDINGS;
    const add = (f: typeof YEARS) => ({
      title: `Add "${f.name}": ${placeholderValue(f)}`,
      edits: [addProperties(ctx.model, root, [[f.name, placeholderValue(f)]])],
    });
    return [
      {
        range: ctx.model.range(root.offset, 1),
        message: vendorMessage(
          ctx.api,
          'missingField',
          DAYS,
          `The validity is missing. Give 'days' (365, 730 or 1095) or 'years' (1, 2 or 3); only Trial SSL (43) needs neither.`,
        ),
        fixes: [add(DAYS), add(YEARS)],
        // days, not years: "years is superseded by days".
        objectPath: [],
        adds: [[DAYS.name, placeholderValue(DAYS)]],
      },
    ];
  },
};
