// Entry point of the `cert-order` bin: real process I/O around the command's main(). `check`, the
// command run over many files, loads its own bundle (check-command.js: the checker and the output
// formats), every other command commands.js (main.ts); both are beside this file (scripts/build.mjs).
// The 1 MB of all the commands took 30-35 ms of every check's start to compile.
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { Io } from './command';

/** One line from the terminal, the question on standard error (standard output is the answer's). */
function ask(question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    let answered = false;
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      if (!answered) process.stderr.write('\n');
      resolve(undefined);
    });
    rl.question(question, (line) => {
      answered = true;
      resolve(line);
      rl.close();
    });
  });
}

function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    process.stdin.on('data', (c: Buffer) => {
      total += c.length;
      // A CSR is a few KB: a stream that goes on past 16 MB is not one.
      if (total > 16 * 1024 * 1024) {
        process.stdin.destroy();
        reject(new Error('more than 16 MB on standard input: not a CSR'));
      } else chunks.push(c);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

const argv = process.argv.slice(2);
// Not `import`: esbuild would bundle both into this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require(path.join(__dirname, argv[0] === 'check' ? 'check-command.js' : 'commands.js')) as {
  main(argv: string[], io: Io): Promise<number>;
};
void main(argv, {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
  ask,
  readStdin,
  // Its own bundle beside the bin's (scripts/build.mjs).
  checkWorker: path.join(__dirname, 'check-worker.js'),
}).then((code) => {
  process.exitCode = code;
});
