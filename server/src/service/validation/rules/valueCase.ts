// Values the document accepts in either case ("If Y (or y)"): hint the documented case.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { replaceValue } from '../../edits';
import { NO_FINDINGS, type OrderRule, type RuleFinding } from '../rule';

export const valueCase: OrderRule = {
  code: 'value-case',
  severity: DiagnosticSeverity.Information,
  check({ model }) {
    let findings: RuleFinding[] | undefined;
    for (const b of model.bound) {
      const node = b.property.valueNode;
      if (!b.field.valuesCaseInsensitive || node?.type !== 'string') continue;
      const documented = b.field.values?.find(
        (v) =>
          typeof v.value === 'string' &&
          v.value !== node.value &&
          v.value.toLowerCase() === node.value.toLowerCase(),
      );
      if (!documented) continue;
      (findings ??= []).push({
        range: model.rangeOf(node),
        message: `"${node.value}" is accepted; the document writes "${documented.value}" (${documented.label}).`,
        fixes: [
          {
            title: `Write "${documented.value}"`,
            edits: [replaceValue(model, node, documented.value)],
            preferred: true,
          },
        ],
      });
    }
    return findings ?? NO_FINDINGS;
  },
};
