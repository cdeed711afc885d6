// Reading Comodo's `product` argument against its document row, shared by the product rules.
import {
  COMODO_ADDON_PRODUCTS,
  COMODO_BASE_PRODUCTS,
  comodoAutoApplySsl,
} from '../../../../../common/src/catalogue/comodo';
import type { ValueSpec } from '../../../../../common/src/catalogue';
import type { ProductCode, ProductList } from '../../model';
import type { RuleContext } from '../rule';
import { statusAnswer } from '../vendorText';

export const COMODO = [comodoAutoApplySsl.id];

export function isBase(code: number): boolean {
  return COMODO_BASE_PRODUCTS.some((p) => p.value === code);
}

export function isAddon(code: number): boolean {
  return COMODO_ADDON_PRODUCTS.some((p) => p.value === code);
}

export function productName(code: number): string {
  const p = [...COMODO_BASE_PRODUCTS, ...COMODO_ADDON_PRODUCTS].find((v) => v.value === code);
  return p ? `${code} (${p.label})` : String(code);
}

export function listed(values: readonly ValueSpec[]): string {
  return values.map((v) => `${v.value} ${v.label}`).join(', ');
}

/** The well-formed product list, with its base products. */
export function readProducts(ctx: RuleContext): { list: ProductList; bases: ProductCode[] } | undefined {
  const list = ctx.model.products;
  if (!list?.wellFormed) return undefined;
  return { list, bases: list.codes.filter((c) => isBase(c.code)) };
}

export function productInvalid(ctx: RuleContext): string {
  return statusAnswer(ctx.api, 'invalidValue', 'product') ?? '';
}
