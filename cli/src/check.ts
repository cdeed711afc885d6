// `cert-order check [PATH|GLOB ...]`: the language server's diagnostics for order and .csr files,
// in one of four formats. Its own bundle (cli/out/check-command.js, which the bin loads for
// `check`): the checker and the formats without the other commands, so that a check starts sooner.
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import type { CheckedFile } from './checker';
import { checkFiles, workerCount } from './checkThreads';
import { commandFailed, EXIT, keyPolicy, oneOf, type Io } from './command';
import { findFiles, findRoot, UsageError } from './files';
import { countAll, type CheckReport, type FileError } from './formats/common';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText, useColour } from './formats/text';

export async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      'key-policy': { type: 'string' },
      root: { type: 'string' },
    },
  });
  const format = oneOf('format', values.format, ['text', 'json', 'sarif', 'github'] as const, 'text');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError(`--max-warnings takes a whole number, not ${values['max-warnings']}`);
  }
  const job = { root: await findRoot(io.cwd, values.root), keyPolicy: keyPolicy(values['key-policy']) };
  const found = await findFiles(positionals, io.cwd);
  // One file after another in each thread: the reads are synchronous (a few microseconds each;
  // through the thread pool they cost more than the checks), a CSR file named by many orders is
  // read once a thread. Many files on more than one core: worker threads too (checkThreads.ts).
  const trace = io.env.CERT_ORDER_CHECK_TRACE;
  const outcomes = await checkFiles(
    { ...job, files: found },
    {
      workers: workerCount(found.length, io.env),
      script: io.checkWorker,
      trace:
        trace && trace !== '0'
          ? (counts) => io.stderr.write(`cert-order: files checked by each thread: ${counts.join(' ')}\n`)
          : undefined,
    },
  );
  const files: CheckedFile[] = [];
  const errors: FileError[] = [];
  for (const o of outcomes) {
    if ('file' in o) files.push(o.file);
    else errors.push(o.error);
  }
  const report: CheckReport = { files, errors };
  const out =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report, io.cwd, version)
        : format === 'github'
          ? formatGithub(report)
          : formatText(report, useColour(io.stdout, io.env));
  io.stdout.write(out);
  if (found.length === 0 && format === 'text')
    io.stderr.write(
      'cert-order: no *.order.json files here (give paths, folders or globs to check others)\n',
    );
  if (errors.length) return EXIT.usage;
  const counts = countAll(report);
  if (counts.error > 0) return EXIT.problems;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) return EXIT.problems;
  return EXIT.ok;
}

/** The bin's entry for `check` (argv[0]); the same failures as main() in main.ts. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await check(argv.slice(1), io);
  } catch (err) {
    return commandFailed(err, io);
  }
}
