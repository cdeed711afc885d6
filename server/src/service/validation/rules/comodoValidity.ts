// Comodo `years` and `days`: the validity, one of the two ("years (if days is specified, or there
// is only one possible value - e.g. Trial SSL)", and the same for days).
import {
  COMODO_SINGLE_VALIDITY_PRODUCTS,
  comodoAutoApplySsl,
} from '../../../../../common/src/catalogue/comodo';
import { findField, type FieldSpec } from '../../../../../common/src/catalogue';
import type { BoundProperty } from '../../model';
import type { RuleContext } from '../rule';
import { readProducts } from './comodoProducts';

const field = (name: string): FieldSpec => findField(comodoAutoApplySsl.fields, name, true)!;
export const YEARS = field('years');
export const DAYS = field('days');
export const SERVERS = field('servers');

export function validityFields(ctx: RuleContext): { years?: BoundProperty; days?: BoundProperty } {
  return { years: ctx.model.find(YEARS), days: ctx.model.find(DAYS) };
}

/** The one base product, when `product` is well formed and has exactly one. */
export function baseProduct(ctx: RuleContext): number | undefined {
  const bases = readProducts(ctx)?.bases;
  return bases?.length === 1 ? bases[0].code : undefined;
}

export function hasSingleValidity(ctx: RuleContext): boolean {
  const base = baseProduct(ctx);
  return base !== undefined && COMODO_SINGLE_VALIDITY_PRODUCTS.includes(base);
}
