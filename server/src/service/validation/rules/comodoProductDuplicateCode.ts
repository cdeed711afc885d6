// Comodo `product`: the same add-on twice says nothing more and may be refused.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { replaceValue } from '../../edits';
import { NO_FINDINGS, type OrderRule } from '../rule';
import { COMODO, isBase, productName, readProducts } from './comodoProducts';

export const comodoProductDuplicateCode: OrderRule = {
  code: 'comodo-product-duplicate-code',
  severity: DiagnosticSeverity.Warning,
  apis: COMODO,
  check(ctx) {
    const read = readProducts(ctx);
    if (!read || read.list.codes.length < 2) return NO_FINDINGS;
    const codes = read.list.codes.map((c) => c.code);
    if (codes.every((c, i) => codes.indexOf(c) === i)) return NO_FINDINGS;
    const seen = new Set<number>();
    const unique = [...new Set(read.list.codes.map((c) => c.code))].join(',');
    return read.list.codes.flatMap((c) => {
      const repeated = seen.has(c.code) && !isBase(c.code); // two bases: comodo-product-base-count
      seen.add(c.code);
      if (!repeated) return [];
      return [
        {
          range: ctx.model.range(c.offset, c.length),
          message: `${productName(c.code)} is listed twice in 'product'.`,
          fixes: [
            {
              title: `Write "${unique}"`,
              edits: [replaceValue(ctx.model, read.list.node, unique)],
              preferred: true,
            },
          ],
        },
      ];
    });
  },
};
