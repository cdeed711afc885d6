// Comodo `product`: the add-ons 36/37 are optional with 24, 34, 7, 35, 62, 63, 64, 65 and "must
// NOT be specified" with 43 (Trial SSL) or 44 (Intranet SSL).
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COMODO_NO_ADDON_PRODUCTS } from '../../../../../common/src/catalogue/comodo';
import { replaceValue } from '../../edits';
import { NO_FINDINGS, type OrderRule } from '../rule';
import { COMODO, isAddon, productInvalid, productName, readProducts } from './comodoProducts';

export const comodoProductAddonNotAllowed: OrderRule = {
  code: 'comodo-product-addon-not-allowed',
  severity: DiagnosticSeverity.Error,
  apis: COMODO,
  check(ctx) {
    const read = readProducts(ctx);
    const base = read?.bases.length === 1 ? read.bases[0].code : undefined;
    if (!read || base === undefined || !COMODO_NO_ADDON_PRODUCTS.includes(base)) return NO_FINDINGS;
    const addons = read.list.codes.filter((c) => isAddon(c.code));
    const without = read.list.codes
      .filter((c) => !isAddon(c.code))
      .map((c) => c.code)
      .join(',');
    return addons.map((c) => ({
      range: ctx.model.range(c.offset, c.length),
      message: productInvalid(
        ctx,
        `${productName(c.code)} may not be added to ${productName(base)}. The add-ons 36 and 37 go with 24, 34, 7, 35, 62, 63, 64 or 65, ` +
          `never with 43 or 44.`,
      ),
      fixes: [{ title: `Write "${without}"`, edits: [replaceValue(ctx.model, read.list.node, without)] }],
    }));
  },
};
