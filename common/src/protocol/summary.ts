// What an order will buy, in a few lines, for the production confirmation: API, products,
// validity, the CSR's common name, the organisation.
import { findField, type ApiCatalogue } from '../catalogue';
import { isRecord, valueOf, type Order } from './order';

/** What the CSR module decoded from the CSR's subject (undefined members: not in the CSR). */
export interface CsrSubjectSummary {
  commonName?: string;
  organization?: string;
  email?: string;
}

export interface SummaryLine {
  label: string;
  value: string;
}

function productNames(api: ApiCatalogue, product: unknown): string | undefined {
  const spec = findField(api.fields, 'product', api.caseInsensitiveNames);
  if (!spec?.values) return undefined;
  const codes = String(product ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (codes.length === 0) return undefined;
  return codes
    .map((c) => {
      const v = spec.values?.find((x) => String(x.value) === c);
      return v ? `${v.label} (${c})` : `${c} (not a documented product)`;
    })
    .join(', ');
}

function validity(order: Order): string | undefined {
  const parts: string[] = [];
  for (const [name, unit] of [
    ['years', 'year'],
    ['days', 'day'],
    ['Year', 'year'],
  ] as const) {
    if (!findField(order.api.fields, name, order.api.caseInsensitiveNames)) continue;
    const v = valueOf(order, name);
    if (v !== undefined && v !== '') parts.push(`${String(v)} ${unit}${String(v) === '1' ? '' : 's'}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function organisation(order: Order, csr: CsrSubjectSummary | undefined): string | undefined {
  const info = valueOf(order, 'OrganisationInfo');
  if (isRecord(info) && typeof info.OrgName === 'string' && info.OrgName.trim() !== '') return info.OrgName;
  return csr?.organization;
}

function contact(order: Order): string | undefined {
  const info = valueOf(order, 'PACOrderInfo');
  if (!isRecord(info)) return undefined;
  const name = [info.Title, info.FirstName, info.LastName]
    .filter((x) => typeof x === 'string' && x !== '')
    .join(' ');
  return name || undefined;
}

export function summariseOrder(order: Order, csr: CsrSubjectSummary | undefined): SummaryLine[] {
  const lines: SummaryLine[] = [{ label: 'API', value: order.api.title }];
  const add = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push({ label, value });
  };
  add('Products', productNames(order.api, valueOf(order, 'product')) ?? order.api.title);
  add('Validity', validity(order));
  add('Servers', valueOf(order, 'servers') === undefined ? undefined : String(valueOf(order, 'servers')));
  add('Common name (CSR)', csr?.commonName ?? '(could not be read from the CSR)');
  add('E-mail (CSR)', csr?.email);
  add('Organisation', organisation(order, csr));
  add('Contact', contact(order));
  const partnerOrderId = valueOf(order, 'PartnerOrderID');
  if (typeof partnerOrderId === 'string') add('PartnerOrderID', partnerOrderId);
  const test = valueOf(order, 'test');
  if (typeof test === 'string' && test.toUpperCase() === 'Y') add('Test order', 'test=Y is set in the order');
  return lines;
}

export function formatSummary(lines: readonly SummaryLine[]): string {
  return lines.map((l) => `${l.label}: ${l.value}`).join('\n');
}
