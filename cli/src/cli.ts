// Entry point of the `cert-order` bin: real process I/O around main().
import { main } from './main';

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
  readStdin,
}).then((code) => {
  process.exitCode = code;
});
