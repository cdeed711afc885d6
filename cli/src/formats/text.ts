// `--format text`: `path:line:col  severity  code  message`, one line each, then a summary line.
// Coloured on a terminal (not with NO_COLOR; FORCE_COLOR forces it).
import { codeOf, countAll, severityName, summaryLine, type CheckReport, type SeverityName } from './common';

const COLOURS: Record<SeverityName, string> = { error: '31', warning: '33', info: '36', hint: '90' };

export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return !!stream.isTTY;
}

/** One line of a message: the Problems panel shows newlines, a log line must not have them. */
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ');

export function formatText(report: CheckReport, colour: boolean): string {
  const paint = (code: string, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const where = `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const severity = severityName(d);
      lines.push(
        `${colour ? paint('1', where) : where}  ${paint(COLOURS[severity], severity.padEnd(7))}  ${paint('2', codeOf(d))}  ${oneLine(d.message)}`,
      );
    }
  }
  for (const e of report.errors) lines.push(`${e.path}  ${paint('31', 'cannot be read')}  ${e.message}`);
  lines.push(summaryLine(countAll(report), report.errors.length));
  return lines.join('\n') + '\n';
}
