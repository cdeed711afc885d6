// The order language service's public surface.
export { getOrderLanguageService, type OrderLanguageService } from './orderLanguageService';
export type { FormatResult } from './format';
export * from './types';
export { buildOrderSchema, buildApiSelectorSchema, schemaFileName } from './schema/orderSchema';
export { DIAGNOSTIC_SOURCE } from './validation/validate';
