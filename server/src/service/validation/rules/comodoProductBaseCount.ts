// Comodo `product`: "There MUST be exactly ONE of the following integers specified" (the base
// products 43, 44, 24, 34, 7, 35, 62, 63, 64, 65).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COMODO_BASE_PRODUCTS } from '../../../../../common/src/catalogue/comodo';
import { NO_FINDINGS, type OrderRule } from '../rule';
import { COMODO, listed, productInvalid, productName, readProducts } from './comodoProducts';

export const comodoProductBaseCount: OrderRule = {
  code: 'comodo-product-base-count',
  severity: DiagnosticSeverity.Error,
  apis: COMODO,
  check(ctx) {
    const read = readProducts(ctx);
    // No base but an unknown code (`99`, `0`): comodo-product-unknown-code names it; one problem, one diagnostic.
    if (!read || read.bases.length === 1 || (read.bases.length === 0 && !read.allKnown)) return NO_FINDINGS;
    const range = ctx.model.rangeOf(read.list.node);
    if (read.bases.length === 0) {
      return [
        {
          range,
          message: productInvalid(
            ctx,
            `'product' has no base product. Exactly one of ${listed(COMODO_BASE_PRODUCTS)} must be given (the add-ons 36 and 37 go with one).`,
          ),
        },
      ];
    }
    const names = read.bases.map((b) => productName(b.code)).join(', ');
    return [
      {
        range,
        message: productInvalid(
          ctx,
          `'product' has ${read.bases.length} base products (${names}). The document allows exactly ONE per order.`,
        ),
      },
    ];
  },
};
