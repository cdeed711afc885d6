// `cert-order dcv FILE`: the hash-based domain-control values of an order's CSR (or a .csr file),
// as the editor's "Create DCV File" and "Copy DNS Record" make them: the file's path and content
// and the CNAME lines; with --web-root, the file written (never over a different one unasked).
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import {
  analyseCsrText,
  csrTextFromBytes,
  dcvPlan,
  dcvSameFileNote,
  type CsrAnalysis,
  type DcvAnswer,
  type DcvPlan,
} from '../../common/src/csr';
import { answerHashes, latestPlacedRecord } from '../../common/src/protocol';
import { placeDcvFile, type PlaceOutcome } from '../../client/src/dcv/placeFile';
import { WORKSPACE_HISTORY_DIR } from '../../client/src/history/folders';
import { HistoryStore } from '../../client/src/history/store';
import { readBounded } from '../../server/src/localFiles';
import { checkInput } from '../../server/src/csr/participant';
import { createChecker } from './checker';
import { findRoot, UsageError } from './files';
import type { SubmitIo } from './submit';

interface DcvIo extends SubmitIo {
  stdout: { write(s: string): unknown };
}

const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** The CSR of an order (its first, as the submission sends it) or of a .csr file. */
async function analysisOf(
  name: string,
  absolute: string,
  bytes: Buffer,
  root: string,
): Promise<CsrAnalysis | string> {
  if (!/\.order\.json$/i.test(name)) return analyseCsrText(csrTextFromBytes(bytes));
  const checker = createChecker(root);
  const document = TextDocument.create(pathToFileURL(absolute).href, 'cert-order', 1, bytes.toString('utf8'));
  const [first] = await checker.service.getCsrInputs(document, checker.settings);
  if (!first) return 'the order has no CSR';
  if (first.unreadable) return `the order's CSR cannot be read: ${first.unreadable}`;
  const checked = checkInput(checker.cache, first.input);
  return checked ? checked.analysis : 'the order has no CSR';
}

function planText(name: string, plan: DcvPlan, fromHistory: string | undefined): string {
  const lines = [
    `DCV for ${name}: ${plan.domains.join(', ')}`,
    plan.basis === 'returned'
      ? `From the MD5 and SHA1 the CA returned${fromHistory ? ` (history record ${fromHistory})` : ''}.`
      : `From the CSR's own MD5 and SHA-256${fromHistory ? ` and the answer in history record ${fromHistory}` : ''}.`,
    `Convention: ${plan.convention}`,
    '',
    `File: ${plan.file.path}`,
  ];
  const same = dcvSameFileNote(plan);
  if (same) lines.push(same);
  lines.push(...plan.file.content.split('\n').map((l) => `  ${l}`), '', 'DNS records (zone file):');
  lines.push(...plan.dnsRecords, '');
  return lines.join('\n');
}

function placedText(outcome: PlaceOutcome): string {
  switch (outcome.kind) {
    case 'written':
      return `${outcome.replaced ? 'Replaced' : 'Wrote'} ${outcome.file}\n`;
    case 'same':
      return `${outcome.file} is already there with this content: left as it is.\n`;
    case 'kept':
      return `${outcome.file} holds something else: not replaced (on a terminal you are asked; or --replace).\n`;
    case 'failed':
      return `cannot write ${outcome.file}: ${outcome.message}\n`;
  }
}

export async function dcv(args: string[], io: DcvIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'web-root': { type: 'string' },
      history: { type: 'string' },
      'unique-value': { type: 'string' },
      replace: { type: 'boolean' },
      root: { type: 'string' },
    },
  });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not ${format}`);
  if (positionals.length !== 1) throw new UsageError('dcv takes one FILE: an order or a .csr');
  const name = positionals[0];
  const absolute = path.resolve(io.cwd, name);
  let bytes: Buffer;
  try {
    bytes = await readBounded(absolute);
  } catch (err) {
    io.stderr.write(`cert-order: cannot read ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.usage;
  }
  const analysis = await analysisOf(name, absolute, bytes, await findRoot(io.cwd, values.root));
  if (typeof analysis === 'string' || analysis.kind !== 'decoded') {
    const why =
      typeof analysis === 'string'
        ? analysis
        : analysis.kind === 'text-error'
          ? analysis.text.message
          : analysis.error.message;
    io.stderr.write(`cert-order: ${name}: no DCV values: ${why}\n`);
    return EXIT.problems;
  }
  // The order's answer: the newest placed submission of this file in the history.
  const historyDir = path.resolve(io.cwd, values.history ?? WORKSPACE_HISTORY_DIR);
  const record = latestPlacedRecord(
    await new HistoryStore({
      directoryFor: () => historyDir,
      directories: () => [historyDir],
    }).list(),
    absolute,
  );
  const answer: DcvAnswer = { ...answerHashes(record) };
  if (values['unique-value'] !== undefined) answer.uniqueValue = values['unique-value'];
  const plan = dcvPlan(analysis, answer) as DcvPlan;
  if (plan.domains.length === 0) {
    io.stderr.write(`cert-order: ${name}: the CSR names no domain that DCV applies to\n`);
    return EXIT.problems;
  }
  let placed: PlaceOutcome | undefined;
  if (values['web-root'] !== undefined) {
    const webRoot = path.resolve(io.cwd, values['web-root']);
    placed = await placeDcvFile(webRoot, plan.file.path, plan.file.content, async (file) => {
      if (values.replace) return true;
      if (!io.interactive) return false;
      const reply = await io.ask(`${file} holds something else. Replace it? [y/N] `);
      return /^y(es)?$/i.test(reply?.trim() ?? '');
    });
  }
  if (format === 'json') {
    const json = {
      source: name,
      basis: plan.basis,
      ...(record ? { historyRecord: record.id } : {}),
      convention: plan.convention,
      domains: plan.domains,
      file: { ...plan.file, urls: plan.values.map((v) => v.file.url) },
      dnsRecords: plan.dnsRecords,
      cnames: plan.values.map((v) => ({ domain: v.domain, host: v.cname.host, target: v.cname.target })),
      ...(placed ? { placed } : {}),
    };
    io.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    io.stdout.write(planText(name, plan, record?.id));
    if (placed)
      (placed.kind === 'failed' || placed.kind === 'kept' ? io.stderr : io.stdout).write(placedText(placed));
  }
  if (placed?.kind === 'failed') return EXIT.usage;
  return placed?.kind === 'kept' ? EXIT.problems : EXIT.ok;
}
