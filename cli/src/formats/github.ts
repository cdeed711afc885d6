// `--format github`: GitHub Actions workflow commands (`::error file=...,line=...::message`), which
// show as annotations on the pull request's lines, then the summary line.
import { codeOf, countAll, severityName, summaryLine, type CheckReport } from './common';

/** The escaping of the runner's workflow commands: data escapes %, CR and LF; properties also : and ,. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const severity = severityName(d);
      const command = severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`cert-order ${codeOf(d)}`)}`,
      ];
      lines.push(`::${command} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  for (const e of report.errors)
    lines.push(
      `::error file=${escapeProperty(e.path)},title=cert-order::${escapeData(`cannot be read: ${e.message}`)}`,
    );
  lines.push(summaryLine(countAll(report), report.errors.length));
  return lines.join('\n') + '\n';
}
