// The in-editor suite's entry point: VS Code's extension host loads this module
// (`extensionTestsPath`) and awaits `run()`, under code-server (runCodeServer.ts) and desktop
// VS Code (runElectron.ts) alike. It runs every `*.test.js` beside it with mocha (TDD UI) and
// rejects when a test failed, which makes the runner exit non-zero.
import { appendFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Where the report goes: the file named by CERT_ORDER_VSCODE_TEST_LOG (the code-server runner
 * sets it and copies the file to its stdout, line by line), and the extension host's console.
 */
function report(line: string): void {
  const file = process.env.CERT_ORDER_VSCODE_TEST_LOG;
  if (file) appendFileSync(file, `${line}\n`);
  console.log(line);
}

function fullTitle(test: Mocha.Runnable): string {
  return test.titlePath().join(' › ');
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 120_000, reporter: Mocha.reporters.Base });
  const grep = process.env.CERT_ORDER_VSCODE_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    let passed = 0;
    let skipped = 0;
    const failures: { title: string; error: string }[] = [];
    const runner = mocha.run(() => {
      for (const [i, f] of failures.entries()) report(`\n${i + 1}) ${f.title}\n${f.error}`);
      report('');
      const tail = skipped ? `, ${skipped} skipped` : '';
      report(`${passed} passed, ${failures.length} failed${tail}`);
      if (failures.length) reject(new Error(`${failures.length} in-editor test(s) failed`));
      else resolve();
    });
    runner.on('suite', (s: Mocha.Suite) => {
      if (s.title) report(`${'  '.repeat(s.titlePath().length - 1)}${s.title}`);
    });
    runner.on('pass', (t: Mocha.Test) => {
      passed++;
      report(`${'  '.repeat(t.titlePath().length - 1)}ok ${t.title} (${t.duration ?? 0} ms)`);
    });
    runner.on('pending', (t: Mocha.Test) => {
      skipped++;
      report(`${'  '.repeat(t.titlePath().length - 1)}- ${t.title} (skipped)`);
    });
    runner.on('fail', (t: Mocha.Runnable, err: Error) => {
      failures.push({ title: fullTitle(t), error: err?.stack ?? String(err) });
      report(`${'  '.repeat(Math.max(t.titlePath().length - 1, 0))}FAILED ${t.title}`);
    });
  });
}
