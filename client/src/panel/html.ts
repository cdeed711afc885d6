// The panel's HTML for one submission, as a pure function (no vscode import) so that escaping
// and the Content-Security-Policy are unit-tested. Every value from an order or a response goes
// through `escapeHtml`; the only script is the page's own, with a nonce.
//
// Stable DOM hooks for tests: #summary (class outcome-<outcome>), #summary-detail, #order-number,
// #fields tr[data-field=NAME] / #field-NAME, #failure, #dcv, #dcv-convention,
// #dcv-{response,csr}-{file-path,file-content,cname-host,cname-target}, #csr-md5/#csr-sha1/#csr-sha256,
// #request-line, #request-headers, #request-body, #response-status, #response-headers,
// #response-raw, #endpoint, #environment, #time, #duration, #order-file, #record-id,
// button.copy[data-copy-target=ID], #dcv-actions button.action[data-action=createDcvFile|copyDnsRecord].
import { outcomeOf, outcomeText, type DcvValues, type SubmissionRecord } from '../../../common/src/protocol';
import { catalogues } from '../../../common/src/catalogue';
import { resultMessage } from '../submission/messages';

export interface PanelHtmlOptions {
  nonce: string;
  /** `webview.cspSource` */
  cspSource: string;
}

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An id made from a vendor field name (`APIError.ErrorField` -> `field-APIError-ErrorField`). */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

const copyButton = (target: string): string =>
  `<button class="copy" type="button" data-copy-target="${escapeHtml(target)}" title="Copy">Copy</button>`;

function valueWithCopy(id: string, value: string, copy: boolean, tag = 'code'): string {
  return `<${tag} id="${escapeHtml(id)}" class="value">${escapeHtml(value)}</${tag}>${copy ? ' ' + copyButton(id) : ''}`;
}

function formatBody(contentType: string | undefined, body: string): string {
  if (contentType?.includes('x-www-form-urlencoded')) {
    return [...new URLSearchParams(body)].map(([k, v]) => `${k}=${v}`).join('\n');
  }
  if (contentType?.includes('json')) {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
  }
  return body;
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

function dcvTable(kind: 'response' | 'csr', v: DcvValues): string {
  const row = (label: string, part: string, value: string, pre = false): string =>
    `<tr><th>${escapeHtml(label)}</th><td>${valueWithCopy(`dcv-${kind}-${part}`, value, true, pre ? 'pre' : 'code')}</td></tr>`;
  return `<table>
    ${row('File URL', 'file-path', v.filePath)}
    ${row('File content', 'file-content', v.fileContent, true)}
    ${row('CNAME host', 'cname-host', v.cnameHost)}
    ${row('CNAME target', 'cname-target', v.cnameTarget)}
  </table>`;
}

/**
 * One set of DCV values. `publish`: these are the values to put in place (shown open); otherwise
 * they are for reference only (the CA returned its own), folded and labelled so.
 */
function dcvBlock(kind: 'response' | 'csr', title: string, v: DcvValues, publish: boolean): string {
  const body = `<p class="basis">From ${escapeHtml(v.basis)}.</p>
  ${dcvTable(kind, v)}`;
  if (publish)
    return `<section id="dcv-from-${kind}" class="dcv-set dcv-publish">
  <h3>${escapeHtml(title)}</h3>
  ${body}
</section>`;
  return `<details id="dcv-from-${kind}" class="dcv-set dcv-reference">
  <summary>${escapeHtml(title)}</summary>
  ${body}
</details>`;
}

function dcvSection(record: SubmissionRecord): string {
  const dcv = record.dcv;
  if (!dcv) return '';
  const parts: string[] = [];
  const returned = record.parsed?.kind === 'success' ? record.parsed.hashes : undefined;
  if (returned?.md5 && dcv.csrHashes && returned.md5.toLowerCase() !== dcv.csrHashes.md5.toLowerCase())
    parts.push(
      `<p id="dcv-mismatch" class="warning">The MD5 the CA returned is not the MD5 of the CSR that was sent.</p>`,
    );
  // What the CA returned is what it checks: those are the values to publish. Values computed from
  // the CSR are then for reference only (they follow the convention below, which may not be the
  // CA's for this order), folded; without the CA's, they are the ones to use.
  if (dcv.fromResponse)
    parts.push(dcvBlock('response', 'Publish these: the values the CA returned', dcv.fromResponse, true));
  if (dcv.fromCsr)
    parts.push(
      dcv.fromResponse
        ? dcvBlock(
            'csr',
            'For reference only, do not publish: the same values computed from the CSR',
            dcv.fromCsr,
            false,
          )
        : dcvBlock('csr', 'Publish these: the values computed from the CSR', dcv.fromCsr, true),
    );
  if (dcv.csrHashes)
    parts.push(`<table id="csr-hashes">
    <tr><th>CSR MD5 (DER)</th><td>${valueWithCopy('csr-md5', dcv.csrHashes.md5, true)}</td></tr>
    <tr><th>CSR SHA-1 (DER)</th><td>${valueWithCopy('csr-sha1', dcv.csrHashes.sha1, true)}</td></tr>
    <tr><th>CSR SHA-256 (DER)</th><td>${valueWithCopy('csr-sha256', dcv.csrHashes.sha256, true)}</td></tr>
  </table>`);
  return `<section id="dcv">
  <h2>Hash-based domain validation${dcv.domain ? ` for <code id="dcv-domain">${escapeHtml(dcv.domain)}</code>` : ''}</h2>
  <p id="dcv-convention" class="note">${escapeHtml(dcv.convention)}</p>
  ${dcvActions(record)}
  ${parts.join('\n  ')}
</section>`;
}

/** What the panel's action buttons may ask for: these two commands, nothing else. */
export const PANEL_ACTIONS = ['createDcvFile', 'copyDnsRecord'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

export function panelAction(message: unknown): PanelAction | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, action } = message as { type?: unknown; action?: unknown };
  return type === 'action' && (PANEL_ACTIONS as readonly unknown[]).includes(action)
    ? (action as PanelAction)
    : undefined;
}

/** The buttons that put the values in place: a placed TLS order with a domain. Beside the convention. */
function dcvActions(record: SubmissionRecord): string {
  const tls = catalogues.find((c) => c.id === record.apiId)?.certificateKind !== 'smime';
  if (!tls || record.parsed?.kind !== 'success' || !record.dcv?.domain) return '';
  return `<p id="dcv-actions">
    <button class="action" type="button" id="create-dcv-file" data-action="createDcvFile" title="Write .well-known/pki-validation/&lt;MD5&gt;.txt under a web root you pick">Create DCV File…</button>
    <button class="action" type="button" id="copy-dns-record" data-action="copyDnsRecord" title="Copy the CNAME as zone-file lines, one per domain">Copy DNS Record</button>
    <span class="note">Both follow the convention above.</span>
  </p>`;
}

function fieldsSection(record: SubmissionRecord): string {
  const parsed = record.parsed;
  if (!parsed || parsed.kind === 'unexpected') return '';
  const rows = parsed.fields.map(
    (f) =>
      `<tr data-field="${escapeHtml(f.name)}"><th>${escapeHtml(f.label)}</th><td>${valueWithCopy(fieldId(f.name), f.value, f.copy === true)}${
        f.meaning ? ` <span class="meaning">${escapeHtml(f.meaning)}</span>` : ''
      }</td></tr>`,
  );
  return `<section><h2>Response fields</h2><table id="fields">${rows.join('\n')}</table></section>`;
}

function failureSection(record: SubmissionRecord): string {
  const f = record.failure;
  if (!f) return '';
  return `<section id="failure" class="failure-${escapeHtml(f.kind)}">
  <h2>${f.kind === 'not-sent' ? 'Not placed: nothing reached the CA' : 'May have been placed: no whole answer came back'}</h2>
  <p><code id="failure-code">${escapeHtml(f.code)}</code> ${escapeHtml(f.message)}</p>
</section>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em 2em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.5em; border-bottom: 1px solid var(--vscode-panel-border, transparent); } h3 { font-size: 1em; }
.outcome-success { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.outcome-error, .outcome-not-sent, .outcome-maybe-placed { color: var(--vscode-errorForeground); }
.outcome-unexpected, .warning { color: var(--vscode-editorWarning-foreground, var(--vscode-errorForeground)); }
table { border-collapse: collapse; width: 100%; table-layout: fixed; } th { text-align: left; vertical-align: top; padding: 2px 1em 2px 0; font-weight: 600; width: 10em; } td { padding: 2px 0; }
td, code { overflow-wrap: anywhere; }
/* A narrow editor group (down to 320 px): labels above their values, values wrap, Copy stays in view. */
@media (max-width: 520px) { body { padding: 0 0.5em 2em; } th, td { display: block; width: auto; } th { padding-top: 0.5em; } }
.dcv-reference summary { cursor: pointer; color: var(--vscode-descriptionForeground); margin: 0.75em 0 0.25em; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
pre { background: var(--vscode-textCodeBlock-background); padding: 0.5em; white-space: pre-wrap; word-break: break-all; margin: 0.25em 0; }
.meaning, .note, .basis { color: var(--vscode-descriptionForeground); }
button.copy { white-space: nowrap; color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground)); background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); border: none; padding: 1px 8px; cursor: pointer; margin-left: 0.5em; }
button.action { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; margin: 0 0.5em 0.5em 0; cursor: pointer; }
button.action:hover { background: var(--vscode-button-hoverBackground); }
button.copy:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-hoverBackground)); }
#order-number { font-size: 1.3em; font-weight: 600; }
`;

// The page names what to copy; the extension looks the value up in the record (copyText), so a
// page that was somehow made to post other text cannot put it on the clipboard.
const SCRIPT = `
const vscode = acquireVsCodeApi();
// Each result is a new page: its heading first. The webview host restores the previous page's
// scroll position after the new one loads, so scroll to the top once that is done too.
const toTop = () => window.scrollTo(0, 0);
toTop();
window.addEventListener('load', () => { toTop(); requestAnimationFrame(toTop); setTimeout(toTop, 50); });
document.addEventListener('click', (event) => {
  const action = event.target.closest('button.action');
  if (action) vscode.postMessage({ type: 'action', action: action.dataset.action });
  const button = event.target.closest('button.copy');
  if (!button) return;
  vscode.postMessage({ type: 'copy', target: button.dataset.copyTarget });
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = 'Copy'; }, 1500);
});
`;

/** The values with a copy button, by the id of the element that shows them (as rendered below). */
export function copyTargets(record: SubmissionRecord): Map<string, string> {
  const out = new Map<string, string>();
  const add = (id: string, value: string | undefined): void => {
    if (value !== undefined && !out.has(id)) out.set(id, value);
  };
  const parsed = record.parsed;
  if (parsed?.kind === 'success') add('order-number', parsed.orderNumber);
  if (parsed && parsed.kind !== 'unexpected')
    for (const f of parsed.fields) if (f.copy === true) add(fieldId(f.name), f.value);
  const dcv = record.dcv;
  for (const [kind, v] of [
    ['response', dcv?.fromResponse],
    ['csr', dcv?.fromCsr],
  ] as const) {
    if (!v) continue;
    add(`dcv-${kind}-file-path`, v.filePath);
    add(`dcv-${kind}-file-content`, v.fileContent);
    add(`dcv-${kind}-cname-host`, v.cnameHost);
    add(`dcv-${kind}-cname-target`, v.cnameTarget);
  }
  if (dcv?.csrHashes) {
    add('csr-md5', dcv.csrHashes.md5);
    add('csr-sha1', dcv.csrHashes.sha1);
    add('csr-sha256', dcv.csrHashes.sha256);
  }
  return out;
}

/** What a message from the panel asks to copy: only a value of the record that has a copy button. */
export function copyText(message: unknown, record: SubmissionRecord | undefined): string | undefined {
  if (!record || typeof message !== 'object' || message === null) return undefined;
  const { type, target } = message as { type?: unknown; target?: unknown };
  if (type !== 'copy' || typeof target !== 'string') return undefined;
  return copyTargets(record).get(target);
}

export function renderSubmissionHtml(
  record: SubmissionRecord | undefined,
  options: PanelHtmlOptions,
): string {
  // Attribute-safe without entity escaping, so the policy reads as written: quotes and angle
  // brackets cannot occur in a base64 nonce or a webview source.
  const attr = (v: string): string => v.replace(/["'<>&\s;]/g, '');
  const nonce = attr(options.nonce);
  const source = attr(options.cspSource);
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${source} 'nonce-${nonce}';`;
  const head = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Certificate order</title>
<style nonce="${nonce}">${STYLE}</style>
</head>`;
  if (!record)
    return `${head}\n<body><h1 id="summary" class="outcome-none">No submission to show.</h1></body>\n</html>\n`;

  const outcome = outcomeOf(record);
  const parsed = record.parsed;
  const orderNumber = parsed?.kind === 'success' ? parsed.orderNumber : undefined;
  const statusLine =
    parsed && parsed.kind !== 'unexpected'
      ? `<p id="status-line">Status <code id="status-code">${escapeHtml(parsed.statusCode)}</code>: ${escapeHtml(parsed.statusMeaning)}</p>`
      : parsed?.kind === 'unexpected'
        ? `<p id="unexpected-reason">${escapeHtml(parsed.reason)}</p>`
        : '';
  const response = record.response ?? record.failure?.partial;
  const contentType = record.request.headers['content-type'];
  return `${head}
<body data-outcome="${escapeHtml(outcome)}" data-record-id="${escapeHtml(record.id)}">
<h1 id="summary" class="outcome-${escapeHtml(outcome)}">${escapeHtml(outcomeText(outcome))}: ${escapeHtml(record.apiTitle)}, ${escapeHtml(record.environment)}</h1>
<p id="summary-detail">${escapeHtml(resultMessage(record).text)}</p>
${statusLine}
${orderNumber ? `<p id="order-number-line">Order number ${valueWithCopy('order-number', orderNumber, true)}</p>` : ''}
${failureSection(record)}
${fieldsSection(record)}
${dcvSection(record)}
<section id="meta"><h2>Submission</h2><table>
<tr><th>Endpoint</th><td><code id="endpoint">${escapeHtml(record.endpoint)}</code></td></tr>
<tr><th>Environment</th><td id="environment">${escapeHtml(record.environment)}</td></tr>
<tr><th>Time</th><td id="time">${escapeHtml(record.startedAt)}</td></tr>
<tr><th>Duration</th><td id="duration">${escapeHtml(record.durationMs)} ms</td></tr>
<tr><th>Order file</th><td><code id="order-file">${escapeHtml(record.orderFile)}</code></td></tr>
<tr><th>Record</th><td><code id="record-id">${escapeHtml(record.id)}</code></td></tr>
</table></section>
<section id="request-section"><h2>Request as sent (secrets masked)</h2>
<pre id="request-line">${escapeHtml(`${record.request.method} ${record.request.url}`)}</pre>
<pre id="request-headers">${escapeHtml(headerLines(record.request.headers))}</pre>
<pre id="request-body">${escapeHtml(formatBody(contentType, record.request.body))}</pre>
</section>
<section id="response-section"><h2>Raw response</h2>
${
  response
    ? `<p>HTTP <code id="response-status">${escapeHtml(response.status)}</code>${response.truncated ? ' <span class="warning">(cut off)</span>' : ''}</p>
<pre id="response-headers">${escapeHtml(headerLines(response.headers))}</pre>
<pre id="response-raw">${escapeHtml(response.body)}</pre>`
    : '<p id="response-none">Nothing came back.</p>'
}
</section>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}
