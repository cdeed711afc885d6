// `--format json`: every file with its diagnostics (1-based lines and columns), and the counts.
import { diagnosticHelp } from '../../../common/src/diagnosticHelp';
import { codeOf, countAll, severityName, type CheckReport } from './common';

export function formatJson(report: CheckReport): string {
  const out = {
    files: report.files.map((f) => ({
      path: f.path,
      kind: f.kind,
      diagnostics: f.diagnostics.map((d) => {
        const help = diagnosticHelp(codeOf(d));
        return {
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: severityName(d),
          code: codeOf(d),
          message: d.message,
          ...(help.comodoStatus !== undefined ? { comodoStatus: help.comodoStatus } : {}),
        };
      }),
    })),
    unreadable: report.errors,
    summary: countAll(report),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
