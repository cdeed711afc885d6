// Where a `file:` CSR reference points, and whether it may be sent. Resolved the way the language
// server resolves it (`csrReferenceUrl`, which the server's `resolveReference` calls), so the file sent is the file whose diagnostics the user saw. Only files in
// the order's workspace folder are read: an order from someone else's repository must not be able
// to send `file:../../.ssh/id_rsa` anywhere.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A CSR is a few KB; the language server reads no more than this either. */
export const MAX_CSR_FILE_BYTES = 1024 * 1024;

/**
 * The URL a `file:` reference names, relative to the order's URL (the language server's and the
 * submission's one rule); `%`, `#` and `?` are file-name characters here, not URL syntax.
 */
export function csrReferenceUrl(reference: string, orderUrl: string | URL): URL | undefined {
  if (!reference) return undefined;
  try {
    return new URL(reference.replace(/%/g, '%25').replace(/#/g, '%23').replace(/\?/g, '%3F'), orderUrl);
  } catch {
    return undefined;
  }
}

export type CsrFileResolution = { ok: true; path: string } | { ok: false; problem: string };

/**
 * The absolute path of a `file:` reference, or why it is not read.
 * @param root the workspace folder of the order (without one: the order's own folder)
 */
export function resolveCsrFile(orderFile: string, reference: string, root: string): CsrFileResolution {
  if (reference === '') return { ok: false, problem: 'the "file:" reference names no file.' };
  const url = csrReferenceUrl(reference, pathToFileURL(orderFile));
  if (!url) return { ok: false, problem: `"file:${reference}" is not a path.` };
  if (url.protocol !== 'file:') return { ok: false, problem: `"file:${reference}" is not a local file.` };
  const resolved = fileURLToPath(url);
  if (!isInsideFolder(resolved, root))
    return {
      ok: false,
      problem:
        `"file:${reference}" points outside the workspace folder (${resolved}); only CSR files inside ${root} are sent. ` +
        'Copy the CSR into the workspace, or paste it into the order.',
    };
  return { ok: true, path: resolved };
}

/** Whether `file` is `root` or under it, by the paths' text (the caller resolves symbolic links). */
export function isInsideFolder(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return !(relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative));
}
