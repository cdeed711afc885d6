// Bad input never crashes the server: thousands of random mutations of the examples, random
// bytes, a 10 MB file and 10,000-deep nesting, each answered, with requests in between.
// FUZZ_SEED=n reproduces a run; FUZZ_ITERATIONS=n changes its length (default 3000, < ~60 s).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prng } from '../support/prng';
import { LspClient } from './lspClient';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const seeds = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.order.json'))
  .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3000);
const DEADLINE_MS = 45_000;

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

describe(`fuzz (FUZZ_SEED=${SEED})`, () => {
  let client: LspClient;
  const uri = 'file:///tmp/cert-order-fuzz/fuzz.order.json';
  let version = 1;
  let text = seeds[0];

  before(async () => {
    client = await LspClient.start();
    await client.open(uri, text, version);
  });
  after(async () => {
    await client.stop();
  });

  /** Every feature at a random position: each must answer. */
  async function askEverything(what: string): Promise<void> {
    const offset = int(text.length + 1);
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const position = { line, character: offset - before.lastIndexOf('\n') - 1 };
    const textDocument = { uri };
    const range = { start: position, end: position };
    await within(
      Promise.all([
        client.request('textDocument/completion', { textDocument, position }),
        client.request('textDocument/hover', { textDocument, position }),
        client.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }),
        client.request('textDocument/documentSymbol', { textDocument }),
        client.request('textDocument/foldingRange', { textDocument }),
        client.request('textDocument/selectionRange', { textDocument, positions: [position] }),
        client.request('textDocument/formatting', {
          textDocument,
          options: { tabSize: 2, insertSpaces: true },
        }),
      ]),
      10_000,
      what,
    );
  }

  async function send(next: string, what: string): Promise<void> {
    text = next;
    await within(client.change(uri, text, ++version), 10_000, what);
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
  });

  it('random bytes', async () => {
    for (let i = 0; i < 200; i++) {
      await send(randomBytes(1 + int(4000)), `random bytes ${i}`);
      if (i % 10 === 0) await askEverything(`requests after random bytes ${i}`);
    }
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
  });
});
