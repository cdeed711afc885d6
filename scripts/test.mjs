// `npm test`: every tier, one after the other, and a failure in one does not hide the others:
// set-up and build first (nothing can run without them), then lint, type-check, unit, protocol, cli,
// browser and in-editor tiers (the in-editor suite twice: in the current VS Code and in
// engines.vscode's minimum), each run even when an earlier one failed. Ends with a table of
// the tiers and, as its very last line, both in-editor tiers' `N passed, N failed` added up;
// exits 1 when any tier failed.
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
  { name: 'in-editor minimum', cmd: [npm, 'run', 'test:vscode:minimum'], summary: true },
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
const editorSummaries = [];
for (const tier of tiers) {
  const started = Date.now();
  console.log(`\n[test] ${tier.name}: ${tier.cmd.join(' ')}`);
  const { code, summary } = await run(tier.cmd);
  results.push({ name: tier.name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
  // A summary tier that printed none counts as one failure.
  if (tier.summary) editorSummaries.push(summary ?? '0 passed, 1 failed');
  if (code !== 0 && tier.required) break;
}

console.log('\n[test] tiers:');
for (const r of results)
  console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${r.name.padEnd(17)} ${r.seconds.toFixed(0)} s`);
for (const t of tiers.slice(results.length)) console.log(`  not run ${t.name}`);
const failed = results.some((r) => !r.ok) || results.length < tiers.length;
console.log(`[test] ${failed ? 'FAILED' : 'all tiers passed'}`);
// The in-editor tiers' closing lines added up, last (CI reads it); a tier that did not run counts
// as one failure.
const editorTiers = tiers.filter((t) => t.summary).length;
while (editorSummaries.length < editorTiers) editorSummaries.push('0 passed, 1 failed');
const total = { passed: 0, failed: 0, skipped: 0 };
for (const line of editorSummaries) {
  const [passed, failed, skipped] = line.match(/\d+/g).map(Number);
  total.passed += passed;
  total.failed += failed;
  total.skipped += skipped ?? 0;
}
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(failed ? 1 : 0);
