// `--format sarif`: SARIF 2.1.0, the format code-scanning tools read. One rule per diagnostic code
// (every code the checks can give, with its help text), one result per diagnostic, paths relative
// to the folder the check ran in (%SRCROOT%).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { DIAGNOSTIC_HELP, diagnosticHelp } from '../../../common/src/diagnosticHelp';
import { codeOf, severityName, type CheckReport, type SeverityName } from './common';

const LEVEL: Record<SeverityName, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

function rule(code: string): Sarif.ReportingDescriptor {
  const h = diagnosticHelp(code);
  const status = h.comodoStatus !== undefined ? ` Comodo would answer ${h.comodoStatus}.` : '';
  return {
    id: code,
    shortDescription: { text: h.summary },
    fullDescription: { text: h.summary + status },
    help: { text: `${h.summary}${status} The message of each finding says what the vendor document allows.` },
  };
}

/** A path relative to %SRCROOT% as a URI reference (`examples/my%20order.order.json`). */
function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(report: CheckReport, cwd: string, version: string): string {
  const codes = DIAGNOSTIC_HELP.map((h) => h.code);
  for (const f of report.files)
    for (const d of f.diagnostics) if (!codes.includes(codeOf(d))) codes.push(codeOf(d));
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));

  const artifactLocation = (p: string): Sarif.ArtifactLocation =>
    path.isAbsolute(p) ? { uri: pathToFileURL(p).href } : { uri: relativeUri(p), uriBaseId: '%SRCROOT%' };

  const artifacts: Sarif.Artifact[] = report.files.map((f) => ({ location: artifactLocation(f.path) }));
  const results: Sarif.Result[] = [];
  report.files.forEach((f, index) => {
    for (const d of f.diagnostics) {
      const code = codeOf(d);
      results.push({
        ruleId: code,
        ruleIndex: ruleIndex.get(code),
        level: LEVEL[severityName(d)],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...artifactLocation(f.path), index },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  });

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cert-order',
            version,
            rules: codes.map(rule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        artifacts,
        results,
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: 'error',
              message: { text: `${e.path} cannot be read: ${e.message}` },
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
