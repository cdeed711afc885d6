// `npm test`: every tier, one after the other, and a failure in one does not hide the others:
// set-up and build first (nothing can run without them), then lint, type-check, unit, protocol, cli,
// browser and in-editor tiers, each run even when an earlier one failed. Ends with a table of
// the tiers and, as its very last line, the in-editor tier's `N passed, N failed`; exits 1 when
// any tier failed.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const SUMMARY = /^\d+ passed, \d+ failed(, \d+ skipped)?$/;

const tiers = [
  { name: 'set-up', cmd: ['node', 'scripts/setup.mjs', '--vscode'], required: true },
  { name: 'build', cmd: [npm, 'run', 'build'], required: true },
  { name: 'lint', cmd: [npm, 'run', 'lint'] },
  { name: 'type-check', cmd: [npm, 'run', 'typecheck'] },
  { name: 'unit', cmd: [npm, 'run', 'test:unit'] },
  { name: 'protocol', cmd: [npm, 'run', 'test:protocol'] },
  { name: 'cli', cmd: [npm, 'run', 'test:cli'] },
  { name: 'browser', cmd: [npm, 'run', 'test:e2e'] },
  { name: 'in-editor', cmd: [npm, 'run', 'test:vscode'], summary: true },
];

/** Runs a command with its output passed through; resolves with its exit code and last summary line. */
function run([cmd, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['inherit', 'pipe', 'inherit'] });
    let summary;
    let pending = '';
    child.stdout.on('data', (buf) => {
      process.stdout.write(buf);
      const lines = (pending + buf.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (SUMMARY.test(line.trim())) summary = line.trim();
    });
    child.on('close', (code, signal) => {
      if (SUMMARY.test(pending.trim())) summary = pending.trim();
      resolve({ code: code ?? (signal ? 1 : 0), summary });
    });
  });
}

// Ctrl+C reaches the tier's processes through the terminal; this process just stops too.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const results = [];
let editorSummary;
for (const tier of tiers) {
  const started = Date.now();
  console.log(`\n[test] ${tier.name}: ${tier.cmd.join(' ')}`);
  const { code, summary } = await run(tier.cmd);
  results.push({ name: tier.name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
  if (tier.summary) editorSummary = summary;
  if (code !== 0 && tier.required) break;
}

console.log('\n[test] tiers:');
for (const r of results)
  console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${r.name.padEnd(11)} ${r.seconds.toFixed(0)} s`);
for (const t of tiers.slice(results.length)) console.log(`  not run ${t.name}`);
const failed = results.some((r) => !r.ok) || results.length < tiers.length;
console.log(`[test] ${failed ? 'FAILED' : 'all tiers passed'}`);
// The in-editor tier's closing line, last (CI reads it); a tier that did not run counts as failed.
console.log(editorSummary ?? '0 passed, 1 failed');
process.exit(failed ? 1 : 0);
