// Reading Comodo's `product` argument against its document row, shared by the product rules.
import {
  COMODO_ADDON_PRODUCTS,
  COMODO_BASE_PRODUCTS,
  comodoAutoApplySsl,
} from '../../../../../common/src/catalogue/comodo';
import { findField, type ValueSpec } from '../../../../../common/src/catalogue';
import type { ProductCode, ProductList } from '../../model';
import type { RuleContext } from '../rule';
import { vendorMessage } from '../vendorText';

export const COMODO = [comodoAutoApplySsl.id];

const BASES = new Set(COMODO_BASE_PRODUCTS.map((p) => p.value));
const ADDONS = new Set(COMODO_ADDON_PRODUCTS.map((p) => p.value));

export function isBase(code: number): boolean {
  return BASES.has(code);
}

export function isAddon(code: number): boolean {
  return ADDONS.has(code);
}

/** `InstantSSL` for 24; undefined for a code that is not a product. */
export function productLabel(code: number): string | undefined {
  return [...COMODO_BASE_PRODUCTS, ...COMODO_ADDON_PRODUCTS].find((v) => v.value === code)?.label;
}

/** `24 (InstantSSL)`, for messages. */
export function productName(code: number): string {
  const label = productLabel(code);
  return label ? `${code} (${label})` : String(code);
}

export function listed(values: readonly ValueSpec[]): string {
  return values.map((v) => `${v.value} ${v.label}`).join(', ');
}

export interface ReadProducts {
  list: ProductList;
  bases: ProductCode[];
  /** Every code is a listed base or add-on. */
  allKnown: boolean;
}

/** The well-formed product list with its base products (a list of one to three codes). */
export function readProducts(ctx: RuleContext): ReadProducts | undefined {
  const list = ctx.model.products;
  if (!list?.wellFormed) return undefined;
  const bases: ProductCode[] = [];
  let allKnown = true;
  for (const c of list.codes) {
    if (BASES.has(c.code)) bases.push(c);
    else if (!ADDONS.has(c.code)) allKnown = false;
  }
  return { list, bases, allKnown };
}

const PRODUCT = findField(comodoAutoApplySsl.fields, 'product', true)!;

/** A message about `product`: led by -4, ending with the CA's words for it. */
export function productInvalid(ctx: RuleContext, statement: string): string {
  return vendorMessage(ctx.api, 'invalidValue', PRODUCT, statement);
}
