// What every output format of `cert-order check` shares: severities by name, 1-based positions,
// and the counts of the summary line.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CheckedFile } from '../checker';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export function severityName(d: Diagnostic): SeverityName {
  switch (d.severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

export function codeOf(d: Diagnostic): string {
  return d.code === undefined ? 'cert-order' : String(d.code);
}

/** A file that could not be read (exit code 2). */
export interface FileError {
  path: string;
  message: string;
}

export interface CheckReport {
  files: CheckedFile[];
  errors: FileError[];
}

export interface Counts {
  files: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function countAll(report: CheckReport): Counts {
  const counts: Counts = { files: report.files.length, error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of report.files) for (const d of f.diagnostics) counts[severityName(d)]++;
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(counts: Counts, unreadable: number): string {
  const problems = counts.error + counts.warning + counts.info + counts.hint;
  const checked = `${plural(counts.files, 'file')} checked`;
  const failed = unreadable ? `, ${plural(unreadable, 'file')} could not be read` : '';
  if (problems === 0) return `No problems: ${checked}${failed}.`;
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    ...(counts.info ? [`${counts.info} info`] : []),
    ...(counts.hint ? [plural(counts.hint, 'hint')] : []),
  ];
  return `${plural(problems, 'problem')} (${parts.join(', ')}): ${checked}${failed}.`;
}
