// Comodo `servers`: required for the wildcard products (35, 65), 1 to 10 server licences.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COMODO_WILDCARD_PRODUCTS } from '../../../../../common/src/catalogue/comodo';
import { addProperties, placeholderValue } from '../../edits';
import { NO_FINDINGS, type OrderRule } from '../rule';
import { vendorMessage } from '../vendorText';
import { COMODO, productName } from './comodoProducts';
import { SERVERS, baseProduct } from './comodoValidity';

export const comodoServersMissing: OrderRule = {
  code: 'comodo-servers-missing',
  severity: DiagnosticSeverity.Error,
  apis: COMODO,
  check(ctx) {
    const base = baseProduct(ctx);
    const root = ctx.model.root;
    const products = ctx.model.products;
    if (
      !root ||
      !products ||
      base === undefined ||
      !COMODO_WILDCARD_PRODUCTS.includes(base) ||
      ctx.model.find(SERVERS)
    ) {
      return NO_FINDINGS;
    }
    const value = placeholderValue(SERVERS);
    return [
      {
        range: ctx.model.rangeOf(products.node),
        message: vendorMessage(
          ctx.api,
          'missingField',
          SERVERS,
          `'servers' is missing. ${productName(base)} needs the number of server licences, 1 to 10.`,
        ),
        fixes: [
          { title: `Add "servers": ${value}`, edits: [addProperties(ctx.model, root, [['servers', value]])] },
        ],
        objectPath: [],
        adds: [[SERVERS.name, value]],
      },
    ];
  },
};
