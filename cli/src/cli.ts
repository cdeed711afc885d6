// Entry point of the `cert-order` bin: real process I/O around main().
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { main } from './main';

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

void main(process.argv.slice(2), {
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
