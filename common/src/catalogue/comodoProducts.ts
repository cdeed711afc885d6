// Comodo !AutoApplySSL's products (the `product` row of section 1 Request): the base products, one
// per order, the add-ons, and the groups the other rows and the CSR rules name (wildcard, Trial
// SSL's single validity, Intranet SSL).
import type { ValueSpec } from './types';

/** Base products: exactly one per order (`product` row). */
const noAddons = { description: 'Add-ons 36/37 must not be specified.', noAddons: true };
export const COMODO_BASE_PRODUCTS: ValueSpec[] = [
  { value: 43, label: 'Trial SSL', ...noAddons },
  { value: 44, label: 'Intranet SSL', ...noAddons },
  { value: 24, label: 'InstantSSL' },
  { value: 34, label: 'InstantSSL Pro' },
  { value: 7, label: 'PremiumSSL' },
  { value: 35, label: 'PremiumSSL Wildcard' },
  { value: 62, label: 'EliteSSL' },
  { value: 63, label: 'GoldSSL' },
  { value: 64, label: 'PlatinumSSL' },
  { value: 65, label: 'GoldSSL Wildcard' },
].map((v): ValueSpec => ({ ...v, listRole: 'base' }));

/** Optional add-ons, allowed with 24, 34, 7, 35, 62, 63, 64, 65 and not with 43 or 44. */
export const COMODO_ADDON_PRODUCTS: ValueSpec[] = [
  { value: 36, label: 'TrustLogo', listRole: 'addon' },
  { value: 37, label: 'Card Payment TrustLogo', listRole: 'addon' },
];

/** Base products that may not carry add-ons. */
export const COMODO_NO_ADDON_PRODUCTS = COMODO_BASE_PRODUCTS.filter((v) => v.noAddons).map(
  (v) => v.value as number,
);
/** Wildcard products: `servers` 1-10 applies, and the CSR's CN must hold exactly one wildcard. */
export const COMODO_WILDCARD_PRODUCTS = [35, 65];
/** Trial SSL has only one possible validity, so neither years nor days is required. */
export const COMODO_SINGLE_VALIDITY_PRODUCTS = [43];
export const COMODO_INTRANET_PRODUCT = 44;
