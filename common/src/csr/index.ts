// The CSR module's public API: pure (no vscode, no LSP), used by the language server (hover,
// diagnostics), the "Decode CSR" command and the sandbox CA.
export { analyseCsrText, analyseCsrBase64, type CsrAnalysis } from './analyse';
export { CsrCache, type CsrCacheOptions } from './cache';
export { COMODO_SUBJECT_FIELDS, comodoSubjectField, type ComodoSubjectField } from './comodoCsrSpec';
export {
  dcvValues,
  returnedDcvValues,
  RETURNED_VALUES_CONVENTION,
  isDcvDomain,
  DCV_CONVENTION,
  type DcvValues,
  type DcvFileMethod,
  type DcvCnameMethod,
} from './dcv';
export { decodeCsr } from './decode';
export { OID } from './oids';
export { csrHoverMarkdown, type CsrHoverOptions } from './hover';
export { hashCsr, type CsrHashes } from './hashes';
export { ipVersion, isFqdn, isInternalIp } from './hostnames';
export {
  csrTextFromBytes,
  decodeJsonStringSource,
  isCsrLabel,
  MAX_CSR_TEXT_LENGTH,
  readCsrJsonSource,
  readCsrText,
  type CsrText,
  type CsrTextError,
  type CsrTextErrorCode,
  type CsrTextResult,
  type JsonStringSource,
} from './pem';
export { csrReportMarkdown, csrReportText, dcvDomains, keySummary, type CsrReportOptions } from './report';
export {
  checkCsr,
  CSR_CONTENT_RULES,
  CSR_INPUT_RULES,
  CSR_RULES,
  findingText,
  resolveContext,
  type CsrApi,
  type CsrCheckContext,
  type CsrFinding,
  type CsrPolicy,
  type CsrRule,
  type CsrSeverity,
} from './rules';
export { subjectOneLine } from './subject';
export type * from './types';
export {
  dcvFile,
  dcvCaveat,
  dcvFileState,
  dcvPlan,
  dcvSameFileNote,
  dnsRecordLine,
  dnsRecords,
  DCV_DNS_TTL,
  type DcvAnswer,
  type DcvFileState,
  type DcvInput,
  type DcvPlan,
} from './dcvFile';
