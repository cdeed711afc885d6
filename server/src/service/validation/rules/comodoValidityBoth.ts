// Comodo: "years is superseded by days, but is retained for backwards compatibility": both given
// is one too many, and a contradiction when they disagree.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { removeProperty } from '../../edits';
import { NO_FINDINGS, type OrderRule } from '../rule';
import { COMODO } from './comodoProducts';
import { hasSingleValidity, validityFields } from './comodoValidity';

export const comodoValidityBoth: OrderRule = {
  code: 'comodo-validity-both',
  severity: DiagnosticSeverity.Warning,
  apis: COMODO,
  check(ctx) {
    const { years, days } = validityFields(ctx);
    // Trial SSL (43): comodo-validity-single asks for neither.
    if (!years || !days || hasSingleValidity(ctx)) return NO_FINDINGS;
    const y = years.property.valueNode?.value;
    const d = days.property.valueNode?.value;
    const disagree = typeof y === 'number' && typeof d === 'number' && y * 365 !== d;
    return [
      {
        range: ctx.model.rangeOf(years.property.keyNode),
        message:
          `Both 'years' and 'days' are given: the document says days supersedes years, kept only for backwards compatibility.` +
          (disagree ? ` They disagree (${y} year${y === 1 ? '' : 's'} vs ${d} days).` : '') +
          ` Remove 'years'.`,
        fixes: [
          {
            title: `Remove '${years.key}'`,
            edits: [removeProperty(ctx.model, years.property)],
            preferred: !disagree,
          },
        ],
      },
    ];
  },
};
