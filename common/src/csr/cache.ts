// Decode and verify once per distinct CSR. The order around a CSR changes on every keystroke; the
// CSR itself rarely does. Two bounded LRU maps: the exact text (a hit costs one Map lookup, no
// base64 work), then the normalised base64 (the same CSR with other line breaks or in another
// file). No module-level state: the language server owns one instance.
import { analyseCsrBase64, type CsrAnalysis } from './analyse';
import { readCsrText } from './pem';
import { checkCsr, type CsrCheckContext, type CsrFinding, type OrderFreeFindings } from './rules';

export interface CsrCacheOptions {
  /** Distinct CSRs kept (each map). Default 64. */
  maxEntries?: number;
  /** Texts longer than this are not kept by text (the base64 map still applies). Default 64 KiB. */
  maxTextLength?: number;
}

export class CsrCache {
  private readonly byText = new Map<string, CsrAnalysis>();
  private readonly byBase64 = new Map<string, CsrAnalysis>();
  private readonly maxEntries: number;
  private readonly maxTextLength: number;
  /** The last findings per analysis, with the context they were made for. */
  private readonly findings = new WeakMap<CsrAnalysis, { key: string; findings: CsrFinding[] }>();
  /**
   * Per analysis, by API and key policy: the findings of the rules that do not read the order.
   * Orders that share a CSR (a `file:` reference, a pasted copy) differ in their other fields, so
   * the context, and the memo above, changes from one to the next; these stay (a few APIs and two
   * policies at most per CSR, gone with the analysis when the maps above let it go).
   */
  private readonly orderFree = new WeakMap<CsrAnalysis, Map<string, OrderFreeFindings>>();
  /** Analyses computed (misses of both maps): for tests and the bench. */
  decodes = 0;

  constructor(options: CsrCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 64);
    this.maxTextLength = options.maxTextLength ?? 65536;
  }

  /** Same result as analyseCsrText(text), from the cache when this CSR was seen. */
  analyse(text: string): CsrAnalysis {
    const hit = touch(this.byText, text);
    if (hit) return hit;
    const read = readCsrText(text);
    let result: CsrAnalysis;
    if (!read.ok) {
      result = { kind: 'text-error', text: read };
    } else {
      const same = touch(this.byBase64, read.base64);
      // Same bytes elsewhere in other text: reuse the decode, with this text's own offsets.
      result = same && same.kind !== 'text-error' ? { ...same, text: read } : this.decode(read);
    }
    if (text.length <= this.maxTextLength) put(this.byText, text, result, this.maxEntries);
    return result;
  }

  /**
   * The analysis and checkCsr's findings. An unchanged CSR in an unchanged order context costs two
   * lookups; the findings are recomputed when the context (product, policy, order fields) changes.
   */
  check(text: string, context: CsrCheckContext): { analysis: CsrAnalysis; findings: CsrFinding[] } {
    const analysis = this.analyse(text);
    const key = JSON.stringify(context);
    const memo = this.findings.get(analysis);
    if (memo?.key === key) return { analysis, findings: memo.findings };
    const findings = checkCsr(analysis, context, this.orderFreeFindings(analysis, context));
    this.findings.set(analysis, { key, findings });
    return { analysis, findings };
  }

  private orderFreeFindings(analysis: CsrAnalysis, context: CsrCheckContext): OrderFreeFindings {
    let byApi = this.orderFree.get(analysis);
    if (!byApi) this.orderFree.set(analysis, (byApi = new Map()));
    const key = `${context.api}\n${context.policy ?? ''}`;
    let found = byApi.get(key);
    if (!found) byApi.set(key, (found = []));
    return found;
  }

  get size(): number {
    return this.byBase64.size;
  }

  clear(): void {
    this.byText.clear();
    this.byBase64.clear();
  }

  private decode(read: Parameters<typeof analyseCsrBase64>[0]): CsrAnalysis {
    this.decodes++;
    const result = analyseCsrBase64(read);
    put(this.byBase64, read.base64, result, this.maxEntries);
    return result;
  }
}

function touch<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

function put<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as string);
}
