// CSR decode, verify and cache figures (issue 3): cold decode+verify of RSA-2048 and EC P-256
// beside node-forge on the same RSA CSR, the re-check of an unchanged CSR through the cache, and
// the hover over an inline CSR through the language server over stdio (`npm run bench` builds it).
// Medians of many samples in one process, so the figures compare with each other.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import forge from 'node-forge';
import { analyseCsrText, checkCsr, CsrCache, decodeCsr, readCsrText } from '../../common/src/csr';
import { LspClient } from '../../test/protocol/lspClient';

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'csr');

/** Median microseconds per call; each sample times `batch` calls (for sub-microsecond work). */
function median(fn: () => unknown, samples: number, batch = 1): number {
  return medians({ fn }, samples, batch).fn;
}

/**
 * Medians of several functions sampled in turn (a, b, c, a, b, c, ...), so that a ratio between
 * them is not skewed by the machine getting busier or quieter during the run.
 */
function medians<K extends string>(
  fns: Record<K, () => unknown>,
  samples: number,
  batch = 1,
): Record<K, number> {
  const keys = Object.keys(fns) as K[];
  for (let i = 0; i < Math.min(samples, 200); i++) for (const k of keys) fns[k]();
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let s = 0; s < samples; s++) {
    for (const k of keys) {
      const fn = fns[k];
      const start = process.hrtime.bigint();
      for (let b = 0; b < batch; b++) fn();
      times[k].push(Number(process.hrtime.bigint() - start) / 1000 / batch);
    }
  }
  return Object.fromEntries(
    keys.map((k) => {
      const sorted = times[k].sort((a, b) => a - b);
      return [k, sorted[sorted.length >> 1]];
    }),
  ) as Record<K, number>;
}

const round = (n: number) => Math.round(n * 100) / 100;

function der(file: string): Buffer {
  const r = readCsrText(readFileSync(path.join(FIXTURES, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.message}`);
  return r.der;
}

export async function run(): Promise<Record<string, number | string>> {
  const rsaPem = readFileSync(path.join(FIXTURES, 'rsa2048-full.csr'), 'utf8');
  const ecPem = readFileSync(path.join(FIXTURES, 'ec-p256.csr'), 'utf8');
  const rsaDer = der('rsa2048-full.csr');
  const ecDer = der('ec-p256.csr');

  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`bench precondition failed: ${what}`);
  };
  const rsaOnce = decodeCsr(rsaDer);
  check(rsaOnce.ok && rsaOnce.csr.signature.verify.status === 'valid', 'RSA CSR verifies');
  const ecOnce = decodeCsr(ecDer);
  check(ecOnce.ok && ecOnce.csr.signature.verify.status === 'valid', 'EC CSR verifies');
  check(forge.pki.certificationRequestFromPem(rsaPem).verify(), 'forge verifies the RSA CSR');

  // Cold: no cache. decodeCsr includes the signature check; analyseCsrText adds reading the
  // base64 and the MD5/SHA-1/SHA-256 hashes, as the server does for a CSR it has not seen.
  const cold = medians(
    {
      rsa: () => decodeCsr(rsaDer),
      ec: () => decodeCsr(ecDer),
      rsaText: () => analyseCsrText(rsaPem),
      ecText: () => analyseCsrText(ecPem),
      forge: () => forge.pki.certificationRequestFromPem(rsaPem).verify(),
    },
    1500,
  );
  const { rsa: rsaCold, ec: ecCold, rsaText, ecText, forge: forgeRsa } = cold;

  // Unchanged CSR: cache lookup by text; with the findings for an unchanged order context
  // (CsrCache.check, what the server calls per keystroke); and the rules run afresh.
  const cache = new CsrCache();
  const ctx = {
    api: 'comodo-autoapplyssl',
    products: [24],
    orderFields: { localityName: 'Potsdam' },
  } as const;
  check(cache.check(rsaPem, ctx).findings.length > 0, 'the bench context produces findings');
  const unchangedLookup = median(() => cache.analyse(rsaPem), 2000, 100);
  const unchangedCheck = median(() => cache.check(rsaPem, ctx), 2000, 100);
  const unchangedRules = median(() => checkCsr(cache.analyse(rsaPem), ctx), 2000, 20);
  // The same CSR in new text (other text around it): base64 read again, then a hit by bytes.
  let n = 0;
  const decodesBefore = cache.decodes;
  const sameBytesNewText = median(() => cache.analyse(`${n++}\n${rsaPem}`), 2000);
  check(cache.decodes === decodesBefore, 'new text with the same bytes is not decoded again');

  // Why the key is imported as PKCS#1/JWK: OpenSSL 3's SPKI decoder is the slow part.
  const spki = rsaOnce.ok ? Buffer.from(rsaOnce.csr.publicKey.spki) : Buffer.alloc(0);
  const pkcs1 = createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({
    format: 'der',
    type: 'pkcs1',
  });
  const importSpki = median(() => createPublicKey({ key: spki, format: 'der', type: 'spki' }), 2000);
  const importPkcs1 = median(() => createPublicKey({ key: pkcs1, format: 'der', type: 'pkcs1' }), 2000);

  const hover = await hoverOverStdio(rsaPem);

  return {
    rsa2048_cold_decode_verify_us: round(rsaCold),
    ec_p256_cold_decode_verify_us: round(ecCold),
    rsa2048_cold_text_decode_verify_hash_us: round(rsaText),
    ec_p256_cold_text_decode_verify_hash_us: round(ecText),
    forge_rsa2048_fromPem_verify_us: round(forgeRsa),
    rsa2048_cold_vs_forge_ratio: round(rsaCold / forgeRsa),
    rsa2048_cold_text_vs_forge_ratio: round(rsaText / forgeRsa),
    unchanged_csr_cache_lookup_us: round(unchangedLookup),
    unchanged_csr_recheck_us: round(unchangedCheck),
    unchanged_csr_lookup_and_rules_rerun_us: round(unchangedRules),
    same_csr_new_text_us: round(sameBytesNewText),
    rsa2048_key_import_spki_us: round(importSpki),
    rsa2048_key_import_pkcs1_us: round(importPkcs1),
    hover_inline_csr_stdio_p50_ms: round(hover.p50),
    hover_inline_csr_stdio_p90_ms: round(hover.p90),
    targets:
      'rsa2048_cold_vs_forge_ratio <= 0.2; unchanged_csr_recheck_us <= 10; hover_inline_csr_stdio_p50_ms <= 5',
  };
}

/**
 * Round trip of textDocument/hover over an inline RSA-2048 CSR in a Comodo order, as the editor
 * sees it: `node server/out/server.js --stdio`, JSON-RPC both ways, the order parsed once per
 * version, the CSR from the server's cache, the Markdown report built per hover.
 */
async function hoverOverStdio(pem: string): Promise<{ p50: number; p90: number }> {
  const client = await LspClient.start();
  try {
    const uri = 'file:///bench/hover.order.json';
    const text = JSON.stringify(
      { $api: 'comodo-autoapplyssl', loginName: 'r', product: '24', years: 1, serverSoftware: 2, csr: pem },
      null,
      2,
    );
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('"csr"'));
    const position = { line, character: 200 };
    const hover = () =>
      client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri },
        position,
      });
    const first = await hover();
    // The hover's own facts (the full decode is a command away since 2026-12-02): the signature
    // verified and the SHA-256 of the DER.
    const value = first?.contents.value ?? '';
    if (!value.includes('verifies ✓') || !value.includes('**SHA-256**'))
      throw new Error('bench precondition failed: CSR hover');
    for (let i = 0; i < 50; i++) await hover();
    const times: number[] = [];
    for (let i = 0; i < 400; i++) {
      const start = process.hrtime.bigint();
      await hover();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { p50: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)] };
  } finally {
    await client.stop();
  }
}
