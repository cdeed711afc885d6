// A validation rule: a small function with a stable code, for what the schema cannot express.
import type { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { ApiCatalogue } from '../../../../common/src/catalogue';
import type { OrderModel } from '../model';
import type { OrderLanguageServiceParams, OrderSettings, QuickFix } from '../types';

export interface RuleContext {
  model: OrderModel;
  api: ApiCatalogue;
  settings: OrderSettings;
  params: OrderLanguageServiceParams;
}

export interface RuleFinding {
  /** On the offending key or value, never the whole file. */
  range: Range;
  message: string;
  fixes?: QuickFix[];
  /** Overrides the rule's code (the CSR participant reports its own). */
  code?: string;
  severity?: DiagnosticSeverity;
  /**
   * Ranges whose schema problems this finding replaces: a value the document ignores (Comodo
   * `servers` outside 35/65) is not also "not an allowed value".
   */
  supersedes?: Range[];
  /** A conditionally required field that is missing: the object (`[]`: the root) and what to add there. */
  objectPath?: (string | number)[];
  adds?: [string, unknown][];
}

export interface OrderRule {
  code: string;
  severity: DiagnosticSeverity;
  /** The APIs (ids) the rule belongs to; every API when absent. */
  apis?: readonly string[];
  check(ctx: RuleContext): readonly RuleFinding[] | Promise<readonly RuleFinding[]>;
}

/** The answer of a rule with nothing to say (shared: rules run on every keystroke). */
export const NO_FINDINGS: readonly RuleFinding[] = Object.freeze([]);
