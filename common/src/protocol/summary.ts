// What an order will buy, in a few lines, for the production confirmation: API, products,
// validity, the CSR's common name, the organisation. Which field is which comes from the
// catalogue (`FieldSpec.summary`, `FieldSpec.testFlag`), not from field names written here.
import type { FieldSpec, SummaryRole } from '../catalogue';
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

interface RoleValue {
  spec: FieldSpec;
  value: unknown;
}

/**
 * The order's values of the catalogue fields with a summary role, in the table's order: top-level
 * fields, and members of object fields (read from the object the order gives, if any).
 */
function valuesWithRole(order: Order, role: SummaryRole): RoleValue[] {
  const out: RoleValue[] = [];
  for (const field of order.api.fields) {
    if (field.summary === role) out.push({ spec: field, value: valueOf(order, field.name) });
    const members = (field.fields ?? []).filter((m) => m.summary === role);
    if (members.length === 0) continue;
    const object = valueOf(order, field.name);
    for (const m of members) out.push({ spec: m, value: isRecord(object) ? object[m.name] : undefined });
  }
  return out;
}

function productNames(spec: FieldSpec, product: unknown): string | undefined {
  if (!spec.values) return undefined;
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

function products(order: Order): string | undefined {
  const [p] = valuesWithRole(order, 'products');
  return p ? productNames(p.spec, p.value) : undefined;
}

function validity(order: Order): string | undefined {
  const parts: string[] = [];
  for (const field of order.api.fields) {
    const unit =
      field.summary === 'validity-years' ? 'year' : field.summary === 'validity-days' ? 'day' : undefined;
    if (!unit) continue;
    const v = valueOf(order, field.name);
    if (v !== undefined && v !== '') parts.push(`${String(v)} ${unit}${String(v) === '1' ? '' : 's'}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function servers(order: Order): string | undefined {
  const [s] = valuesWithRole(order, 'servers');
  return s?.value === undefined ? undefined : String(s.value);
}

function organisation(order: Order, csr: CsrSubjectSummary | undefined): string | undefined {
  const named = valuesWithRole(order, 'organisation').find(
    (o): o is { spec: FieldSpec; value: string } => typeof o.value === 'string' && o.value.trim() !== '',
  );
  return named ? named.value : csr?.organization;
}

function contact(order: Order): string | undefined {
  const name = valuesWithRole(order, 'contact-name')
    .map((p) => p.value)
    .filter((x) => typeof x === 'string' && x !== '')
    .join(' ');
  return name || undefined;
}

export function summariseOrder(order: Order, csr: CsrSubjectSummary | undefined): SummaryLine[] {
  const lines: SummaryLine[] = [{ label: 'API', value: order.api.title }];
  const add = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push({ label, value });
  };
  add('Products', products(order) ?? order.api.title);
  add('Validity', validity(order));
  add('Servers', servers(order));
  add('Common name (CSR)', csr?.commonName ?? '(could not be read from the CSR)');
  add('E-mail (CSR)', csr?.email);
  add('Organisation', organisation(order, csr));
  add('Contact', contact(order));
  for (const id of valuesWithRole(order, 'order-id'))
    if (typeof id.value === 'string') add(id.spec.name, id.value);
  const testFlag = order.api.fields.find((f) => f.testFlag);
  const test = testFlag ? valueOf(order, testFlag.name) : undefined;
  if (testFlag && typeof test === 'string' && test.toUpperCase() === 'Y')
    add('Test order', `${testFlag.name}=Y is set in the order`);
  return lines;
}

export function formatSummary(lines: readonly SummaryLine[]): string {
  return lines.map((l) => `${l.label}: ${l.value}`).join('\n');
}
