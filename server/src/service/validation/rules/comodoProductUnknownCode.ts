// Comodo `product`: every integer must be a listed product code (1. Request: product).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COMODO_ADDON_PRODUCTS, COMODO_BASE_PRODUCTS } from '../../../../../common/src/catalogue/comodo';
import { NO_FINDINGS, type OrderRule } from '../rule';
import { COMODO, isAddon, isBase, listed, productInvalid, readProducts } from './comodoProducts';

export const comodoProductUnknownCode: OrderRule = {
  code: 'comodo-product-unknown-code',
  severity: DiagnosticSeverity.Error,
  apis: COMODO,
  check(ctx) {
    const read = readProducts(ctx);
    if (!read || read.allKnown) return NO_FINDINGS;
    return read.list.codes
      .filter((c) => !isBase(c.code) && !isAddon(c.code))
      .map((c) => ({
        range: ctx.model.range(c.offset, c.length),
        message: productInvalid(
          ctx,
          `${c.code} is not a Comodo product code. Base products (exactly one): ${listed(COMODO_BASE_PRODUCTS)}; ` +
            `add-ons: ${listed(COMODO_ADDON_PRODUCTS)}.`,
        ),
      }));
  },
};
