// The order language service's figures, measured in one run (`npm run bench`):
//  - full diagnostics of a typical order vs vscode-json-languageservice's schema-only validation
//    of the same text (parse + validate against the same generated schema): the ratio (<= 1.3);
//  - a 2 MB order file, full diagnostics (<= 250 ms): one with a 2 MB value, and an adversarial
//    one of ~38,000 unknown fields (the first 1,000 worded with their closest documented name),
//    each beside vscode-json-languageservice's schema-only time on the same text;
//  - didChange -> publishDiagnostics over stdio with the built server, p50 (<= 15 ms).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { JSONSchema } from 'vscode-json-languageservice';
import type { TextDocument as TextDocumentType } from 'vscode-languageserver-textdocument';
import type { ApiCatalogue } from '../../common/src/catalogue';
import { LspClient } from '../../test/protocol/lspClient';

const ROOT = path.join(__dirname, '..', '..');

/**
 * The service and vscode-json-languageservice as they run in the server: bundled by esbuild
 * (tsx, which runs this file, adds per-call work that the shipped bundle does not have).
 * Both sides of the ratio come from the same bundle.
 */
async function loadBundled() {
  const outfile = path.join(tmpdir(), `cert-order-service-bench-${process.pid}.js`);
  await esbuild.build({
    stdin: {
      contents: [
        "export { getOrderLanguageService } from './server/src/service';",
        "export { buildOrderSchema } from './server/src/service/schema/orderSchema';",
        "export { getLanguageService } from 'vscode-json-languageservice';",
        "export { TextDocument } from 'vscode-languageserver-textdocument';",
        "export { comodoAutoApplySsl, ssl2buySectigoPacEnterprise } from './common/src/catalogue';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'error',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as typeof import('../../server/src/service') &
    typeof import('../../server/src/service/schema/orderSchema') &
    typeof import('vscode-json-languageservice') &
    typeof import('vscode-languageserver-textdocument') &
    typeof import('../../common/src/catalogue');
}

type Bundled = Awaited<ReturnType<typeof loadBundled>>;

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const example = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');

let n = 0;
let fresh: (text: string) => TextDocumentType;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
}

/** Best per-call time in microseconds of `a` and `b`, over alternating rounds (after a warm-up). */
async function compareUs(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  const round = async (fn: () => Promise<unknown>, calls: number) => {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    return ((performance.now() - t0) * 1000) / calls;
  };
  for (let i = 0; i < 2000; i++) {
    await a();
    await b();
  }
  let best: [number, number] = [Infinity, Infinity];
  for (let r = 0; r < 40; r++)
    best = [Math.min(best[0], await round(a, 200)), Math.min(best[1], await round(b, 200))];
  return best;
}

/** vscode-json-languageservice alone with the same schema (also for the file's `$schema`). */
function schemaOnly(m: Bundled, api: ApiCatalogue) {
  const schema = m.buildOrderSchema(api);
  const ls = m.getLanguageService({ schemaRequestService: () => Promise.resolve(JSON.stringify(schema)) });
  ls.configure({
    validate: true,
    schemas: [{ uri: `bench://${api.id}`, fileMatch: ['*'], schema: schema as JSONSchema }],
  });
  return async (text: string) => {
    const doc = fresh(text);
    return ls.doValidation(doc, ls.parseJSONDocument(doc));
  };
}

async function ratio(m: Bundled, api: ApiCatalogue, text: string) {
  const service = m.getOrderLanguageService();
  const baseline = schemaOnly(m, api);
  const [full, schema] = await compareUs(
    () => service.doValidation(fresh(text)),
    () => baseline(text),
  );
  return { full, schema, ratio: full / schema };
}

async function largeOrders(m: Bundled) {
  const service = m.getOrderLanguageService();
  const base = JSON.parse(example('comodo-autoapplyssl.order.json')) as Record<string, unknown>;
  const longValue = JSON.stringify({ ...base, csr: 'A'.repeat(2 * 1024 * 1024) }, null, 2);
  const fields: Record<string, unknown> = { ...base };
  for (let i = 0, size = 0; size < 2 * 1024 * 1024; i++) {
    const [key, value] = [`note${i}`, `remark number ${i} ${'x'.repeat(20)}`];
    fields[key] = value;
    size += key.length + value.length + 10; // quotes, colon, comma, indentation
  }
  const manyFields = JSON.stringify(fields, null, 2);
  const baseline = schemaOnly(m, m.comodoAutoApplySsl);
  const time = async (validate: (text: string) => Promise<unknown>, text: string) => {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await validate(text);
      samples.push(performance.now() - t0);
    }
    return median(samples);
  };
  const full = (text: string) => service.doValidation(fresh(text));
  return {
    longValueBytes: longValue.length,
    longValueMs: await time(full, longValue),
    longValueSchemaOnlyMs: await time(baseline, longValue),
    manyFieldsBytes: manyFields.length,
    manyFields: Object.keys(fields).length,
    manyFieldsMs: await time(full, manyFields),
    manyFieldsSchemaOnlyMs: await time(baseline, manyFields),
  };
}

async function overStdio() {
  const client = await LspClient.start();
  try {
    const uri = pathToFileURL(path.join(EXAMPLES, 'bench.order.json')).href;
    const text = example('comodo-inline-csr.order.json');
    await client.open(uri, text);
    const samples: number[] = [];
    for (let v = 2; v < 302; v++) {
      // A keystroke: the years value alternates, the order stays a typical one.
      const next = text.replace('"days": 365', `"days": ${v % 2 ? 730 : 365}`);
      const t0 = performance.now();
      await client.change(uri, next, v);
      if (v > 20) samples.push(performance.now() - t0);
    }
    return { p50: median(samples), p95: percentile(samples, 95) };
  } finally {
    await client.stop();
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const round = (x: number, digits = 1) => Number(x.toFixed(digits));
  const m = await loadBundled();
  fresh = (text) => m.TextDocument.create(`file:///bench/${++n}.order.json`, 'cert-order', 1, text);
  const comodo = await ratio(m, m.comodoAutoApplySsl, example('comodo-inline-csr.order.json'));
  const ssl2buy = await ratio(
    m,
    m.ssl2buySectigoPacEnterprise,
    example('ssl2buy-sectigo-pac-enterprise.order.json'),
  );
  const mistakes = await ratio(m, m.comodoAutoApplySsl, example('comodo-mistakes.order.json'));
  const large = await largeOrders(m);
  const stdio = await overStdio();
  return {
    typical_order: 'examples/comodo-inline-csr.order.json',
    typical_full_diagnostics_us: round(comodo.full),
    typical_schema_only_us: round(comodo.schema),
    typical_ratio: round(comodo.ratio, 2),
    ssl2buy_full_diagnostics_us: round(ssl2buy.full),
    ssl2buy_schema_only_us: round(ssl2buy.schema),
    ssl2buy_ratio: round(ssl2buy.ratio, 2),
    mistakes_full_diagnostics_us: round(mistakes.full),
    mistakes_schema_only_us: round(mistakes.schema),
    mistakes_ratio: round(mistakes.ratio, 2),
    order_2mb_long_value_bytes: large.longValueBytes,
    order_2mb_long_value_ms: round(large.longValueMs),
    order_2mb_long_value_schema_only_ms: round(large.longValueSchemaOnlyMs),
    order_2mb_many_fields_bytes: large.manyFieldsBytes,
    order_2mb_many_fields_count: large.manyFields,
    order_2mb_many_fields_ms: round(large.manyFieldsMs),
    order_2mb_many_fields_schema_only_ms: round(large.manyFieldsSchemaOnlyMs),
    stdio_didchange_to_diagnostics_p50_ms: round(stdio.p50, 2),
    stdio_didchange_to_diagnostics_p95_ms: round(stdio.p95, 2),
    targets:
      'typical_ratio <= 1.3; order_2mb_long_value_ms <= 250; stdio_didchange_to_diagnostics_p50_ms <= 15',
  };
}
