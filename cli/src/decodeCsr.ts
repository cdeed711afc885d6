// `cert-order decode-csr FILE|-`: the facts the hover shows, for a `.csr` file, standard input, or
// the CSR of an order file, as the Decode CSR report (text) or as JSON.
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  csrTextFromBytes,
  dcvDomains,
  dcvValues,
  type CsrAnalysis,
  type CsrFinding,
} from '../../common/src/csr';
import { checkCsrDocument } from '../../server/src/csr/csrDocument';
import { checkInput } from '../../server/src/csr/participant';
import type { Checker } from './checker';

export interface DecodeOutcome {
  /** The CSR decoded (its report may still list problems). */
  ok: boolean;
  /** The report; undefined when there is none (then `message` says why). */
  report?: string;
  message?: string;
  /** The facts as data, for --format json. */
  json: Record<string, unknown>;
}

function analysisJson(analysis: CsrAnalysis, findings: readonly CsrFinding[], dcv: boolean) {
  const found = findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message }));
  if (analysis.kind === 'text-error')
    return { decoded: false, error: analysis.text.message, findings: found };
  if (analysis.kind === 'decode-error')
    return { decoded: false, error: analysis.error.message, findings: found };
  const { csr, hashes } = analysis;
  const key = csr.publicKey;
  return {
    decoded: true,
    version: csr.version,
    subject: csr.subject.map((a) => ({
      name: a.shortName,
      longName: a.longName,
      oid: a.oid,
      type: a.type,
      value: a.value,
      rdn: a.rdn,
    })),
    subjectAltNames: csr.subjectAltNames,
    extensions: csr.extensions.map((e) => ({
      name: e.name,
      oid: e.oid,
      critical: e.critical,
      summary: e.summary,
      ...(e.error ? { error: e.error } : {}),
    })),
    attributes: csr.attributes,
    publicKey: {
      algorithm: key.algorithm,
      oid: key.oid,
      ...('bits' in key ? { bits: key.bits } : {}),
      ...('curve' in key ? { curve: key.curve } : {}),
      ...('exponent' in key ? { exponent: key.exponent } : {}),
    },
    signature: {
      algorithm: csr.signature.name,
      oid: csr.signature.oid,
      hash: csr.signature.hash,
      verifies: csr.signature.verify.status,
      ...('reason' in csr.signature.verify ? { reason: csr.signature.verify.reason } : {}),
    },
    hashes,
    ...(dcv ? { dcv: dcvDomains(csr).map((d) => dcvValues(hashes, d)) } : {}),
    findings: found,
  };
}

/** Decodes `bytes` read from `name` (a path, or `-` for standard input). */
export async function decodeCsrFile(
  checker: Checker,
  name: string,
  absolutePath: string | undefined,
  bytes: Uint8Array,
): Promise<DecodeOutcome> {
  // The report's title is the URI's last segment: 'standard input' for `-`.
  const uri = absolutePath ? pathToFileURL(absolutePath).href : 'untitled:/standard%20input';
  const isOrder = /\.order\.json$/i.test(name);
  const env = { settings: checker.settings, service: checker.service, readFile: checker.readFile };
  if (isOrder) {
    const document = TextDocument.create(uri, 'cert-order', 1, Buffer.from(bytes).toString('utf8'));
    const result = await checker.csr.decode({ uri }, { ...env, document });
    const inputs = await checker.service.getCsrInputs(document, checker.settings);
    const first = inputs[0];
    const checked = first && !first.unreadable ? checkInput(checker.cache, first.input) : undefined;
    const json = checked
      ? analysisJson(checked.analysis, checked.findings, first.input.order.api.certificateKind !== 'smime')
      : { decoded: false, error: result.ok ? 'no CSR in the order' : result.message };
    return {
      ok: result.ok && checked?.analysis.kind === 'decoded',
      ...(result.ok ? { report: result.text } : { message: result.message }),
      json: { source: name, ...json },
    };
  }
  const text = csrTextFromBytes(bytes);
  const document = TextDocument.create(uri, 'cert-csr', 1, text);
  const result = await checker.csr.decode({ uri }, { ...env, document });
  const checked = checkCsrDocument(checker.cache, text, checker.settings);
  const json = checked
    ? analysisJson(checked.analysis, checked.findings, true)
    : { decoded: false, error: 'too large for a CSR' };
  return {
    ok: result.ok && checked?.analysis.kind === 'decoded',
    ...(result.ok ? { report: result.text } : { message: result.message }),
    json: { source: name, ...json },
  };
}
