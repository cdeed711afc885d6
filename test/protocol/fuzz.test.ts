// Bad input never crashes the server, and every request answers within 5 s with the server
// under 1 GB: thousands of random mutations of the examples, random bytes, a 10 MB file and
// 10,000-deep nesting; `file:` CSR references mutated to what a hostile repository plants
// (/proc/self/pagemap, /dev/zero, links out, FIFOs, a huge file, missing files, ../../etc/passwd),
// inside a workspace folder and in an order whose own folder is `/`; formatting of documents and
// ranges with odd options. FUZZ_SEED=n reproduces a run; FUZZ_ITERATIONS=n changes the length of
// the first (default 3000). The whole file runs in well under a minute.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { prng } from '../support/prng';
import { plantHostileWorkspace } from './hostileWorkspace';
import { LspClient } from './lspClient';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const seeds = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.order.json'))
  .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3000);
const DEADLINE_MS = 25_000;
/** Each request and each publication must come within this: a bound for the failure, not a speed test. */
const ANSWER_MS = 5_000;
const MAX_RSS_BYTES = 1024 * 1024 * 1024;
/** What a formatting answer may carry (server/src/service/format.ts). */
const MAX_FORMAT_EDIT_BYTES = 2 * 1024 * 1024;

const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];
const JSONISH = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\\',
  ' ',
  '\n',
  '0',
  '7',
  '-',
  '.',
  'e',
  'y',
  'Y',
  'N',
  '$',
  'true',
  'null',
  '\\u',
  '\\n',
  '-----BEGIN ',
  'file:',
  '"csr": ',
  '"product": "',
  '36',
  '\u00e9',
  '\ud83d',
  '\u0000',
];

function mutate(text: string): string {
  let out = text;
  for (let n = 1 + int(4); n > 0; n--) {
    const at = int(out.length + 1);
    const len = int(Math.min(40, out.length - at) + 1);
    switch (int(6)) {
      case 0:
        out = out.slice(0, at) + pick(JSONISH) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at, at + len).repeat(2) + out.slice(at + len);
        break;
      case 3: {
        const other = pick(seeds);
        const from = int(other.length);
        out = out.slice(0, at) + other.slice(from, from + len) + out.slice(at + len);
        break;
      }
      case 4:
        out = out.slice(0, at) + String.fromCharCode(int(0x10000)) + out.slice(at + 1);
        break;
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}

function randomBytes(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(int(256));
  return s;
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms: ${what} (FUZZ_SEED=${SEED})`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const planted = plantHostileWorkspace();

/** References from an order in the planted workspace: its names, then what escapes or is odd. */
const workspaceReferences = [
  ...planted.names.map((n) => `file:${n}`),
  'file:../../secret.csr',
  'file:../../../../../../../etc/passwd',
  'file:/etc/passwd',
  'file:///etc/shadow',
  'file://localhost/etc/passwd',
  'file://server/share/x.csr',
  'file:/proc/self/pagemap',
  'file:/dev/zero',
  `file:${planted.outside}`,
  'file:%2e%2e/%2e%2e/secret.csr',
  'file:..\\..\\secret.csr',
  'file:~/.ssh/id_rsa',
  'file:',
  'file:.',
  'file:./',
  'file:folder.csr/',
  'file:nonexistent.csr',
  'file:good.csr\u0000.txt',
  'file:good.csr?x#y',
  'FILE:good.csr',
  ' file:good.csr',
  'file:\u202egood.csr',
  `file:${'a/'.repeat(3000)}x.csr`,
];

/** References from an order at `/` in a trusted window: its folder is the whole file system. */
const rootReferences = [
  'file:/proc/self/pagemap',
  'file:proc/self/pagemap',
  'file:/proc/self/mem',
  'file:/proc/self/fd/0',
  'file:/proc/self/environ',
  'file:/proc/self/task',
  'file:/dev/zero',
  'file:/dev/urandom',
  'file:/dev/ptmx',
  'file:/dev/null',
  'file:/dev/stdin',
  'file:/dev/tty',
  'file:/sys/kernel/mm',
  'file:../../etc/passwd',
  'file:etc/passwd',
  ...planted.names.map((n) => `file:${path.join(planted.root, 'orders', n)}`),
];

/** The order with its CSR value replaced by `reference` (or given one), sometimes mutated after. */
function withReference(text: string, reference: string): string {
  const value = JSON.stringify(reference);
  const m = /"(csr|CSR)"\s*:\s*"(?:[^"\\]|\\.)*"/.exec(text);
  let out: string;
  if (m) out = text.slice(0, m.index) + `"${m[1]}": ${value}` + text.slice(m.index + m[0].length);
  else out = text.replace('{', `{"csr": ${value},`);
  return random() < 0.3 ? mutate(out) : out;
}

const ODD_TAB_SIZES = [0, 1, 2, 3.5, 4, 8, 16, 17, -1, -1e9, 1e9, Number.MAX_SAFE_INTEGER, null, '4', true];
const ODD_FLAGS = [true, false, 'yes', 1, 0, null];

function oddOptions(): Record<string, unknown> {
  const options: Record<string, unknown> = { tabSize: pick(ODD_TAB_SIZES), insertSpaces: pick(ODD_FLAGS) };
  for (const key of ['keepLines', 'insertFinalNewline', 'trimTrailingWhitespace', 'trimFinalNewlines', 'x'])
    if (random() < 0.3) options[key] = pick(ODD_FLAGS);
  return options;
}

const ODD_LINES = [0, 1, 2, 5, 1e6, -1];
function oddRange(lines: number) {
  const position = () => ({
    line: random() < 0.7 ? int(lines + 1) : pick(ODD_LINES),
    character: random() < 0.8 ? int(80) : pick([1e9, -1, 0]),
  });
  return { start: position(), end: position() };
}

/** Texts whose formatting cost grows with nesting, length or indent (format.ts refuses or bounds them). */
const FORMAT_TEXTS = [
  '{"a":1,' + '['.repeat(10_000),
  '['.repeat(10_000) + ']'.repeat(10_000),
  '[' + '1,'.repeat(30_000) + '1]',
  '[' + '1,'.repeat(300_000) + '1]',
  ' '.repeat(100_000) + '[1,[2,[3,[4]]]]',
  '\t'.repeat(50_000) + '{"a":[1,2,{"b":[3,4]}]}\n'.repeat(10),
  '[' + '// c\n'.repeat(100_000) + ']',
  '[\n' + '\n'.repeat(1_000_000) + '1]',
  '{"a": "' + '['.repeat(100_000) + '"}',
  '"\n' + '['.repeat(10_000),
];

/** The server's resident memory, sampled while the tests run; the largest seen. */
class RssMonitor {
  max = 0;
  private timer?: NodeJS.Timeout;
  constructor(private readonly pid: number) {}
  sample(): number {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (kb) this.max = Math.max(this.max, Number(kb[1]) * 1024);
    } catch {
      // The server is gone: the test that waits for it says so.
    }
    return this.max;
  }
  start(): void {
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }
  stop(): void {
    clearInterval(this.timer);
  }
  assertUnderCap(what: string): void {
    const mb = Math.round(this.sample() / 1024 / 1024);
    assert.ok(this.max < MAX_RSS_BYTES, `the server reached ${mb} MB (${what}, FUZZ_SEED=${SEED})`);
  }
}

describe(`fuzz (FUZZ_SEED=${SEED})`, () => {
  let client: LspClient;
  let rss: RssMonitor;
  const orderUri = pathToFileURL(path.join(planted.root, 'orders', 'fuzz.order.json')).href;
  const rootUri = 'file:///fuzz.order.json';
  const versions = new Map<string, number>();
  const texts = new Map<string, string>();

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(planted.root).href], trusted: true });
    rss = new RssMonitor(client.pid!);
    rss.start();
    for (const uri of [orderUri, rootUri]) {
      versions.set(uri, 1);
      texts.set(uri, seeds[0]);
      await within(client.open(uri, seeds[0], 1), ANSWER_MS, `open ${uri}`);
    }
  });
  after(async () => {
    rss.stop();
    rss.assertUnderCap('the whole run');
    await client.stop();
  });

  const ask = <R>(method: string, params: unknown, what: string) =>
    within(client.request<R>(method, params), ANSWER_MS, `${method} ${what}`);

  /** Every feature at `offset` (random by default): each must answer in time. */
  async function askEverything(what: string, uri = orderUri, at?: number): Promise<void> {
    const text = texts.get(uri)!;
    const offset = at ?? int(text.length + 1);
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const position = { line, character: offset - before.lastIndexOf('\n') - 1 };
    const textDocument = { uri };
    const range = { start: position, end: position };
    await Promise.all([
      ask('textDocument/completion', { textDocument, position }, what),
      ask('textDocument/hover', { textDocument, position }, what),
      ask('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }, what),
      ask('textDocument/documentSymbol', { textDocument }, what),
      ask('textDocument/foldingRange', { textDocument }, what),
      ask('textDocument/selectionRange', { textDocument, positions: [position] }, what),
      ask('textDocument/documentLink', { textDocument }, what),
      ask('textDocument/definition', { textDocument, position }, what),
      ask('certOrder/decodeCsr', { uri, position }, what),
      format(uri, { tabSize: 2, insertSpaces: true }, undefined, what),
    ]);
  }

  /** Formatting (of the range when there is one) answers in time, within the edit cap. */
  async function format(uri: string, options: unknown, range: unknown, what: string): Promise<void> {
    const textDocument = { uri };
    const edits = range
      ? await ask<unknown[]>('textDocument/rangeFormatting', { textDocument, range, options }, what)
      : await ask<unknown[]>('textDocument/formatting', { textDocument, options }, what);
    assert.ok(Array.isArray(edits), `${what}: formatting answered ${JSON.stringify(edits)}`);
    const size = JSON.stringify(edits).length;
    assert.ok(size <= MAX_FORMAT_EDIT_BYTES, `${what}: ${size} bytes of edits (FUZZ_SEED=${SEED})`);
  }

  async function send(next: string, what: string, uri = orderUri): Promise<void> {
    texts.set(uri, next);
    const version = versions.get(uri)! + 1;
    versions.set(uri, version);
    await within(client.change(uri, next, version), ANSWER_MS, what);
  }

  it('mutations of the examples, each diagnosed, every feature answering in between', async () => {
    const started = Date.now();
    let done = 0;
    for (; done < ITERATIONS && Date.now() - started < DEADLINE_MS; done++) {
      await send(mutate(pick(seeds)), `mutation ${done}`);
      if (done % 20 === 0) await askEverything(`requests after mutation ${done}`);
    }
    assert.ok(done >= Math.min(ITERATIONS, 1000), `only ${done} mutations in the time`);
    assert.ok(client.alive);
    rss.assertUnderCap('mutations');
  });

  it('random bytes', async () => {
    for (let i = 0; i < 200; i++) {
      await send(randomBytes(1 + int(4000)), `random bytes ${i}`);
      if (i % 10 === 0) await askEverything(`requests after random bytes ${i}`);
    }
    rss.assertUnderCap('random bytes');
  });

  it('file: references a hostile repository plants, in the workspace and from an order at /', async () => {
    const cases: [string, string][] = [
      ...workspaceReferences.map((r): [string, string] => [orderUri, r]),
      ...rootReferences.map((r): [string, string] => [rootUri, r]),
    ];
    // Each reference once in order, then random ones with mutations around them.
    for (let i = 0; i < cases.length + 150; i++) {
      const [uri, reference] = i < cases.length ? cases[i] : pick(cases);
      const what = `reference ${JSON.stringify(reference.slice(0, 80))} from ${uri}`;
      await send(withReference(pick(seeds), reference), what, uri);
      const text = texts.get(uri)!;
      const at = text.indexOf('file:');
      await askEverything(`requests on ${what}`, uri, at < 0 ? undefined : at + 2 + int(4));
    }
    assert.ok(client.alive);
    rss.assertUnderCap('file: references');
  });

  it('formatting of documents and ranges with odd options', async () => {
    for (let i = 0; i < 300; i++) {
      const next = i % 30 === 0 ? pick(FORMAT_TEXTS) : mutate(pick(seeds));
      if (i % 3 === 0) await send(next, `formatting text ${i}`);
      const lines = texts.get(orderUri)!.split('\n').length;
      const range = random() < 0.5 ? oddRange(lines) : undefined;
      await format(orderUri, oddOptions(), range, `formatting ${i}`);
    }
    for (const [i, hostile] of FORMAT_TEXTS.entries()) {
      await send(hostile, `hostile formatting text ${i}`);
      await format(orderUri, { tabSize: 16, insertSpaces: true }, undefined, `hostile text ${i}`);
      await format(orderUri, oddOptions(), oddRange(10), `hostile text ${i}, a range`);
    }
    assert.ok(client.alive);
    rss.assertUnderCap('formatting');
  });

  it('a 10 MB file, then 10,000-deep nesting, then an order again', async () => {
    await send(`{"$api": "comodo-autoapplyssl", "csr": "${'A'.repeat(10 * 1024 * 1024)}"}`, '10 MB');
    await askEverything('requests on 10 MB');
    await send('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), '10,000 deep objects');
    await askEverything('requests on deep objects');
    await send('['.repeat(10_000), '10,000 unclosed arrays');
    await askEverything('requests on unclosed arrays');
    await send(seeds[0], 'an order again');
    await askEverything('requests on an order');
    assert.ok(client.alive);
    assert.deepEqual(client.errors, [], 'no handler failed on any input');
    rss.assertUnderCap('large files');
  });
});
