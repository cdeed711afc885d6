// Comodo `servers`: "PremiumSSL Wildcard or GoldSSL Wildcard: 1 to 10; otherwise: ignored."
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COMODO_WILDCARD_PRODUCTS } from '../../../../../common/src/catalogue/comodo';
import { removeProperty } from '../../edits';
import { NO_FINDINGS, type OrderRule } from '../rule';
import { COMODO, productName } from './comodoProducts';
import { SERVERS, baseProduct } from './comodoValidity';

export const comodoServersIgnored: OrderRule = {
  code: 'comodo-servers-ignored',
  severity: DiagnosticSeverity.Warning,
  apis: COMODO,
  check(ctx) {
    const base = baseProduct(ctx);
    const servers = ctx.model.find(SERVERS);
    if (!servers || base === undefined || COMODO_WILDCARD_PRODUCTS.includes(base)) return NO_FINDINGS;
    return [
      {
        range: ctx.model.rangeOf(servers.property.keyNode),
        // Ignored, so any value is: no value-not-allowed (-4) on top.
        ...(servers.property.valueNode
          ? { supersedes: [ctx.model.rangeOf(servers.property.valueNode)] }
          : {}),
        message: `'servers' is ignored for ${productName(base)}: the document uses it only for PremiumSSL Wildcard (35) and GoldSSL Wildcard (65).`,
        fixes: [
          {
            title: `Remove '${servers.key}'`,
            edits: [removeProperty(ctx.model, servers.property)],
            preferred: true,
          },
        ],
      },
    ];
  },
};
