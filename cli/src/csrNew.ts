// `cert-order csr new --order FILE ...`: the editor's "Create Key and CSR for This Order" without
// the editor (client/src/commands/createKeyAndCsr.ts), from the same engine (common/src/csr/create)
// and file helpers (client/src/csr: the key file, the order edit, git). The answers the editor asks
// for are flags; what the editor would ask again (a name the rules refuse, a subject the order's
// CSR rules refuse, a file that exists) is a refusal, exit 1, before anything is generated or
// written. The private key is in memory and in its own file only: never printed, never in the
// order or the CSR, and no passphrase flag (a command line is visible to other users): only the
// name of the variable holding it.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'jsonc-parser';
import { CSR_FILE_PREFIX } from '../../common/src/catalogue';
import {
  CsrInputError,
  createKeyAndCsr,
  keyLabel,
  keyTypesFor,
  validateNames,
  type KeyType,
  type NewCsr,
  type NewCsrRequest,
  type SubjectInput,
} from '../../common/src/csr/create';
import { subjectFromOrder } from '../../common/src/csr/create/fromOrder';
import { csrReference, readOrder, valueOf, type Order } from '../../common/src/protocol';
import { keyIgnoreStatus } from '../../client/src/csr/gitignore';
import { pathExists, removeKey, writePrivateKey } from '../../client/src/csr/keyFile';
import { baseFileName, withCsrField, type Indent } from '../../client/src/csr/orderEdit';
import { readBounded } from '../../server/src/localFiles';
import { createChecker } from './checker';
import { keyTypeArg, namesArg, subjectWithOverrides } from './csrArgs';
import { createdJson, createdText, gitWarning, type Created } from './csrOutput';
import { findRoot, UsageError } from './files';

export interface CsrIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** Input the CSR rules or the files on disk refuse: exit 1, nothing written. */
class Refusal extends Error {}

const OPTIONS = {
  order: { type: 'string' },
  cn: { type: 'string' },
  san: { type: 'string', multiple: true },
  email: { type: 'string' },
  name: { type: 'string' },
  'key-type': { type: 'string' },
  'key-out': { type: 'string' },
  'csr-out': { type: 'string' },
  'passphrase-env': { type: 'string' },
  subject: { type: 'string', multiple: true },
  'key-policy': { type: 'string' },
  'no-update-order': { type: 'boolean' },
  force: { type: 'boolean' },
  format: { type: 'string' },
  root: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The certificate's names and the subject, from the flags and the order. */
interface Names {
  request: Pick<NewCsrRequest, 'dnsNames' | 'emails'>;
  subject: SubjectInput;
  /** The CN or the e-mail address: the files' default name. */
  fileBase: string;
}

/** The order's file name when it is a DNS name (`www.example.com.order.json`), as the editor's CN default. */
function nameFromFile(orderPath: string): string | undefined {
  const base = path.basename(orderPath).replace(/\.order\.json$/i, '');
  return /^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/i.test(base) ? base : undefined;
}

function namesFor(order: Order, orderPath: string, orderText: string, values: Values): Names {
  const api = order.api;
  const fromOrder = subjectFromOrder(api.id, parse(orderText));
  const subject = subjectWithOverrides(fromOrder, values.subject ?? []);
  const product = valueOf(order, 'product');
  const verdicts = (names: string[]) =>
    validateNames(
      api.id,
      typeof product === 'number' || typeof product === 'string' ? product : undefined,
      names,
    );
  let names: string[];
  let result: Names;
  if (api.certificateKind === 'smime') {
    if (values.cn !== undefined || values.san !== undefined)
      throw new UsageError(
        `${api.id} orders are S/MIME: give --email ADDR and --name PERSON, not --cn/--san`,
      );
    const email = values.email?.trim();
    if (!email) throw new UsageError(`${api.id} orders are S/MIME: --email ADDR is required`);
    const person = values.name?.trim() || fromOrder.commonName;
    if (!person)
      throw new UsageError("--name PERSON is required: the order has no person's name (PACOrderInfo)");
    names = [email];
    result = {
      request: { dnsNames: [], emails: [email] },
      subject: { ...subject, commonName: person },
      fileBase: baseFileName(email),
    };
  } else {
    if (values.email !== undefined || values.name !== undefined)
      throw new UsageError(
        `${api.id} orders are TLS: give --cn NAME and --san NAME, not --email/--name (an emailAddress attribute: --subject emailAddress=ADDR)`,
      );
    const cn = values.cn?.trim() || nameFromFile(orderPath);
    if (!cn) throw new UsageError('--cn NAME is required (the order file is not named after a DNS name)');
    // The CN is the first SAN whether it is listed again or not (Baseline Requirements 7.1.4.3).
    const sans = namesArg(values.san).filter((n) => n.toLowerCase() !== cn.toLowerCase());
    names = [cn, ...sans];
    result = {
      request: { dnsNames: names, emails: [] },
      subject: { ...subject, commonName: cn },
      fileBase: baseFileName(cn),
    };
  }
  const problems = verdicts(names).filter((v) => v.problem);
  if (problems.length) throw new Refusal(problems.map((v) => `${v.name}: ${v.problem}`).join('\n'));
  return result;
}

/** The order file's own indentation, so that an added CSR field lines up with the others. */
function indentOf(text: string): Indent {
  const first = /^([ \t]+)"/m.exec(text)?.[1];
  if (first?.startsWith('\t')) return { insertSpaces: false, tabSize: 4 };
  return { insertSpaces: true, tabSize: first ? first.length : 2 };
}

/** A path for output: relative to the current folder when inside it. */
function shown(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** The passphrase from the variable --passphrase-env names; a missing one is never read as "none". */
function passphraseFrom(io: CsrIo, variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = io.env[variable];
  if (value === undefined || value === '')
    throw new UsageError(
      `--passphrase-env ${variable}: the variable is not set or empty (the key is not written unencrypted instead)`,
    );
  return value;
}

export async function csrNew(args: string[], io: CsrIo): Promise<number> {
  try {
    return await run(args, io);
  } catch (err) {
    if (!(err instanceof Refusal) && !(err instanceof CsrInputError)) throw err;
    io.stderr.write(`cert-order: csr new: ${err.message.replace(/\n/g, '\n  ')}\nNothing was written.\n`);
    return EXIT.refused;
  }
}

async function run(args: string[], io: CsrIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  if (positionals.length)
    throw new UsageError(`csr new takes no operands (the order is --order FILE): ${positionals[0]}`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not ${format}`);
  const policy = values['key-policy'] ?? 'current';
  if (policy !== 'current' && policy !== 'document')
    throw new UsageError(`--key-policy is current or document, not ${policy}`);
  if (values.order === undefined) throw new UsageError('csr new needs --order FILE');
  const requestedKey = keyTypeArg(values['key-type']);
  const passphrase = passphraseFrom(io, values['passphrase-env']);

  const orderPath = path.resolve(io.cwd, values.order);
  let orderText: string;
  try {
    orderText = (await readBounded(orderPath)).toString('utf8');
  } catch (err) {
    io.stderr.write(
      `cert-order: cannot read ${values.order}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return EXIT.usage;
  }
  const read = readOrder(orderText);
  if (!read.ok) throw new Refusal(`${values.order}: ${read.problem}`);
  const { order } = read;
  const choices = keyTypesFor(policy, order.api.id);
  const keyType: KeyType = requestedKey ?? choices[0];
  if (!choices.includes(keyType))
    throw new Refusal(
      `${keyLabel(keyType)} is not allowed under --key-policy ${policy} for ${order.api.id}: choose ${choices.join(', ')}.`,
    );
  const names = namesFor(order, orderPath, orderText, values);

  const folder = path.dirname(orderPath);
  const csrPath = values['csr-out']
    ? path.resolve(io.cwd, values['csr-out'])
    : path.join(folder, `${names.fileBase}.csr`);
  const keyPath = values['key-out']
    ? path.resolve(io.cwd, values['key-out'])
    : path.join(folder, `${names.fileBase}.key`);
  if (keyPath === csrPath || keyPath === orderPath)
    throw new UsageError(
      `${shown(io.cwd, keyPath)} is the CSR or the order: the key needs a file of its own`,
    );
  if (csrPath === orderPath) throw new UsageError('--csr-out is the order itself');
  const force = values.force === true;
  const keyExists = await pathExists(keyPath);
  const existing: string[] = [];
  for (const [file, what] of [
    [keyPath, 'key'],
    [csrPath, 'CSR'],
  ] as const)
    if (!force && (await pathExists(file)))
      existing.push(`${shown(io.cwd, file)} exists: the ${what} is not replaced without --force.`);
  // An inline CSR would be lost (the editor's edit can be undone; this write cannot).
  const inline = csrReference(order)?.inline?.trim();
  if (inline && !force && values['no-update-order'] !== true)
    existing.push(
      `${values.order} holds a CSR inline: it is not replaced without --force (or keep it: --no-update-order).`,
    );
  if (existing.length) throw new Refusal(existing.join('\n'));

  // Made, then judged as the order would hold it, before any file is written: the order's own CSR
  // rules (a Comodo order needs O and C, say), as the editor asks the server.
  const made = await createKeyAndCsr({
    keyType,
    subject: names.subject,
    ...names.request,
    keyPolicy: policy,
    api: order.api.id,
  });
  const root = await findRoot(io.cwd, values.root);
  const indent = indentOf(orderText);
  const judged = await createChecker(root, policy).checkOrderText(
    values.order,
    orderPath,
    withCsrField(orderText, made.csrPem, indent) ?? orderText,
  );
  const finding = judged.diagnostics.find(
    (d) => (d.severity ?? 1) <= 2 && String(d.code ?? '').startsWith('csr-'),
  );
  if (finding)
    throw new Refusal(
      `${finding.message}\n(subject attributes: --subject K=V, e.g. --subject O="Example Inc" --subject C=US)`,
    );

  const csrField = CSR_FILE_PREFIX + path.relative(folder, csrPath).split(path.sep).join('/');
  const updateOrder = values['no-update-order'] !== true;
  const newOrderText = updateOrder ? withCsrField(orderText, csrField, indent) : undefined;
  if (updateOrder && newOrderText === undefined)
    throw new Refusal(`${values.order}: the order has no CSR field to set`);

  await writeAll(made, passphrase, { keyPath, keyExists, csrPath, orderPath, newOrderText });
  const ignore = await keyIgnoreStatus(keyPath);
  const git: Created['git'] = !ignore.workTree
    ? 'not-in-work-tree'
    : ignore.ignored
      ? 'ignored'
      : 'not-ignored';
  // The order as it now is on disk, checked as `cert-order check` checks it.
  const diagnostics = updateOrder
    ? (await createChecker(root, policy).check(values.order, orderPath)).diagnostics.length
    : undefined;
  const created: Created = {
    order: shown(io.cwd, orderPath),
    csr: shown(io.cwd, csrPath),
    key: shown(io.cwd, keyPath),
    keyType,
    keyDescription: made.keyDescription,
    encrypted: passphrase !== undefined,
    subject: names.subject,
    dnsNames: names.request.dnsNames,
    emails: names.request.emails,
    csrField: updateOrder ? csrField : undefined,
    git,
    workTree: ignore.workTree,
    diagnostics,
  };
  io.stdout.write(format === 'json' ? createdJson(created) : createdText(created));
  if (git === 'not-ignored') io.stderr.write(gitWarning(created, keyPath));
  return EXIT.ok;
}

interface Targets {
  keyPath: string;
  keyExists: boolean;
  csrPath: string;
  orderPath: string;
  newOrderText: string | undefined;
}

/** The key (0600), the CSR, then the order; when a later write fails, the files this run made go. */
async function writeAll(made: NewCsr, passphrase: string | undefined, t: Targets): Promise<void> {
  const keyPem = passphrase === undefined ? made.keyPem : made.encryptedKeyPem(passphrase);
  const csrExisted = await pathExists(t.csrPath);
  const before = t.newOrderText === undefined ? undefined : await readFile(t.orderPath);
  await writePrivateKey(t.keyPath, keyPem, t.keyExists);
  try {
    await mkdir(path.dirname(t.csrPath), { recursive: true });
    await writeFile(t.csrPath, made.csrPem, { flag: csrExisted ? 'w' : 'wx' });
    if (t.newOrderText !== undefined) await writeFile(t.orderPath, t.newOrderText);
  } catch (err) {
    await removeKey(t.keyPath);
    if (!csrExisted) await rm(t.csrPath, { force: true });
    if (before) await writeFile(t.orderPath, before).catch(() => undefined);
    throw err;
  }
}
