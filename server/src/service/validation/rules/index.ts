// Every rule the schema cannot express. Adding an API is adding its catalogue and its rules here.
import type { OrderRule } from '../rule';
import { csrRule } from './csrField';
import { comodoProductAddonNotAllowed } from './comodoProductAddonNotAllowed';
import { comodoProductBaseCount } from './comodoProductBaseCount';
import { comodoProductDuplicateCode } from './comodoProductDuplicateCode';
import { comodoProductUnknownCode } from './comodoProductUnknownCode';
import { comodoServersIgnored } from './comodoServersIgnored';
import { comodoServersMissing } from './comodoServersMissing';
import { comodoValidityBoth } from './comodoValidityBoth';
import { comodoValidityMissing } from './comodoValidityMissing';
import { comodoValiditySingle } from './comodoValiditySingle';
import { countryCode } from './countryCode';
import { credentialInFile } from './credentialInFile';
import { duplicateField } from './duplicateField';
import { fieldNameCase } from './fieldNameCase';
import { requiredFieldEmpty } from './requiredFieldEmpty';
import { schemaMismatch } from './schemaMismatch';
import { valueCase } from './valueCase';

export const orderRules: readonly OrderRule[] = [
  // every API
  duplicateField,
  fieldNameCase,
  credentialInFile,
  requiredFieldEmpty,
  valueCase,
  countryCode,
  schemaMismatch,
  csrRule,
  // Comodo !AutoApplySSL
  comodoProductUnknownCode,
  comodoProductBaseCount,
  comodoProductAddonNotAllowed,
  comodoProductDuplicateCode,
  comodoValidityMissing,
  comodoValidityBoth,
  comodoValiditySingle,
  comodoServersMissing,
  comodoServersIgnored,
];
