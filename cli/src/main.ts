// `cert-order`: the extension's checks and tools outside the editor, for pipelines and scripts.
//   cert-order check [PATH|GLOB ...]    the language server's diagnostics for order and .csr files
//   cert-order decode-csr FILE|-        the CSR's decode, as the hover shows it
//   cert-order dcv FILE                 the DCV file and DNS records of an order's or a .csr's CSR
//   cert-order csr new --order FILE     a key and a CSR for an order, the order pointed at the CSR
//   cert-order submit --demo|--production FILE   the extension's submission, without the editor
//   cert-order sandbox [--port N]       the local sandbox of both APIs
// Exit codes: 0 clean, 1 problems (errors, or warnings past --max-warnings), 2 usage or I/O errors;
// submit's own in submit.ts (SUBMIT_EXIT).
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readBounded } from '../../server/src/localFiles';
import { createChecker } from './checker';
import { commandFailed, EXIT, keyPolicy, oneOf, type Io } from './command';
import { csrNew } from './csrNew';
import { dcv } from './dcv';
import { decodeCsrFile } from './decodeCsr';
import { findRoot, UsageError } from './files';
import { version } from '../../package.json';

export { EXIT, type Io } from './command';

const USAGE = `Usage: cert-order <command> [options]

Commands:
  check [PATH|GLOB ...]   Check order files (*.order.json) and .csr files as the editor does.
                          Default: every *.order.json under the current folder (node_modules and
                          .git skipped). A folder means every *.order.json under it.
      --format text|json|sarif|github   Output format (default: text).
      --max-warnings N                  Exit 1 when there are more than N warnings.
      --key-policy current|document     The CSR key and signature rule (default: current).
      --root DIR                        Read file: CSR references only inside DIR (default: the
                                        git work tree holding the current folder, else the
                                        current folder; an order outside it: its own folder).
  decode-csr FILE|-       Decode a CSR (a .csr/.pem file, an order's CSR, or standard input).
      --format text|json                Output format (default: text).
      --key-policy current|document
      --root DIR                        As for check.
  dcv FILE                The domain-control (DCV) file and DNS records for the CSR of an order or
                          a .csr file, from the order's last placed answer in the history if any.
      --format text|json                Output format (default: text).
      --web-root DIR                    Write .well-known/pki-validation/<MD5>.txt under DIR (a
                                        different file there: asked on a terminal, else kept).
      --replace                         Replace a different file there without asking.
      --history DIR                     History folder (default: .cert-orders/history).
      --unique-value V                  The order's unique value, when the history has none.
      --root DIR                        As for check.
  csr new --order FILE    Create a private key and a CSR for the order, as the editor's "Create Key
                          and CSR" does: NAME.csr beside the order, the key (PKCS#8 PEM, mode
                          0600), the order's CSR field set to file:NAME.csr.
      --cn NAME                         TLS: the common name (default: the order file's name when
                                        it is a DNS name), also the first SAN.
      --san NAME                        TLS: a further DNS name (repeat it, or commas between).
      --email ADDR  --name PERSON       S/MIME: the address (rfc822Name SAN) and the person (CN).
      --key-type T                      ec-p256 (default), ec-p384, rsa-2048, rsa-3072, rsa-4096.
      --subject K=V                     A subject attribute (O, OU, L, ST, C, street, postalCode,
                                        postOfficeBox, emailAddress); the order's values otherwise.
      --key-out PATH  --csr-out PATH    Instead of NAME.key / NAME.csr beside the order.
      --passphrase-env VAR              Encrypt the key (AES-256) with the passphrase in VAR.
      --key-policy current|document     As for check (document: the Comodo document's RSA 1024).
      --no-update-order                 Leave the order as it is.
      --force                           Replace an existing key or CSR file.
      --format text|json                Output format (default: text).
      --root DIR                        As for check.
  submit --demo|--production FILE
                          Send an order as the editor's Submit commands do; the answer is printed
                          and kept in the history. Credentials only from CERT_ORDER_* variables.
      --endpoint URL                    Instead of the document's URL (https, or http to loopback).
      --history DIR                     History folder (default: .cert-orders/history).
      --format text|json                Output format (default: text).
      --yes                             Production off a terminal: confirmed (required there).
      --again                           Send again an order the history has as placed.
  sandbox                 Run the local sandbox of both APIs until Ctrl+C.
      --port N                          Port (default 8790; 0: a free one).
      --host H                          Address to listen on (default 127.0.0.1).
      --csr-policy current|document

  --help, -h              This text.   --version   The version.

Exit codes: 0 no problems, 1 problems found (errors, or warnings past --max-warnings),
2 usage or I/O error. submit: 0 placed, 1 refused by the CA, 2 usage error, 3 may have been
placed (check before sending again), 4 not sent. dcv: 1 no DCV values, or a different file kept.
csr new: 0 written, 1 refused (a name, the subject, a file that exists; nothing written), 2 usage.
`;

async function decode(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, 'key-policy': { type: 'string' }, root: { type: 'string' } },
  });
  const format = oneOf('format', values.format, ['text', 'json'] as const, 'text');
  if (positionals.length !== 1) throw new UsageError('decode-csr takes one FILE, or - for standard input');
  const name = positionals[0];
  const absolute = name === '-' ? undefined : path.resolve(io.cwd, name);
  let bytes: Buffer;
  try {
    bytes = absolute ? await readBounded(absolute) : await io.readStdin();
  } catch (err) {
    io.stderr.write(`cert-order: cannot read ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.usage;
  }
  const checker = createChecker(await findRoot(io.cwd, values.root), keyPolicy(values['key-policy']));
  const outcome = await decodeCsrFile(checker, name, absolute, bytes);
  if (format === 'json') io.stdout.write(JSON.stringify(outcome.json, null, 2) + '\n');
  else if (outcome.report !== undefined) io.stdout.write(outcome.report.replace(/\n?$/, '\n'));
  else io.stderr.write(`cert-order: ${outcome.message}\n`);
  return outcome.ok ? EXIT.ok : EXIT.problems;
}

async function sandbox(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'csr-policy': { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
  const port = Number(values.port ?? io.env.CERT_ORDER_SANDBOX_PORT ?? 8790);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`not a port: ${values.port}`);
  const csrPolicy = oneOf('csr-policy', values['csr-policy'], ['current', 'document'] as const, 'current');
  const { startSandbox } = await import('../../sandbox/src/server.js');
  const running = await startSandbox({
    host: values.host ?? '127.0.0.1',
    port,
    csrPolicy,
    log: values.quiet ? undefined : (line) => io.stdout.write(line + '\n'),
  });
  io.stdout.write(`Sandbox listening on ${running.origin}\n`);
  for (const [id, url] of Object.entries(running.urls)) io.stdout.write(`  ${id}: ${url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return EXIT.ok;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // `check` never comes here: the bin (cli.ts) loads check.ts's own bundle for it.
    switch (command) {
      case 'decode-csr':
        return await decode(rest, io);
      case 'dcv':
        return await dcv(rest, io);
      case 'csr':
        if (rest[0] !== 'new') throw new UsageError(`csr takes a subcommand: csr new --order FILE ...`);
        return await csrNew(rest.slice(1), io);
      case 'submit':
        // Loaded when used (with the HTTP client): check starts without them.
        return await (await import('./submit.js')).submit(rest, io);
      case 'sandbox':
        return await sandbox(rest, io);
      case '--version':
        io.stdout.write(`${version}\n`);
        return EXIT.ok;
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(USAGE + '\n');
        return EXIT.ok;
      case undefined:
        io.stderr.write(USAGE + '\n');
        return EXIT.usage;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (err) {
    return commandFailed(err, io);
  }
}
