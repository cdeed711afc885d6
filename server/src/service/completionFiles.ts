// Completion of values that name files, through the injected directory listing: a CSR field's
// `file:` reference (the `.csr` / `.pem` files next to the order), and `$schema` (the shipped
// schema of the order's API, found in a `schemas/` folder next to the order or above it).
import { CSR_FILE_PREFIX, type ApiCatalogue } from '../../../common/src/catalogue';
import type { OrderModel } from './model';
import { schemaFileName } from './schema/orderSchema';
import type { ListDirectory } from './types';

/** The files a CSR may be kept in, by extension (what the `.csr` language and the CSR hover read). */
const CSR_FILE = /\.(csr|pem)$/i;
/** How far up from the order a `schemas/` folder is looked for. */
const SCHEMA_SEARCH_LEVELS = 6;

/** The folder of the order (`file:///a/b/` for `file:///a/b/x.order.json`); undefined for an unsaved one. */
function orderFolder(model: OrderModel): URL | undefined {
  try {
    const url = new URL('.', model.document.uri);
    return url.protocol === 'file:' ? url : undefined;
  } catch {
    return undefined;
  }
}

async function list(listDirectory: ListDirectory, folder: URL) {
  try {
    return await listDirectory(folder.href);
  } catch {
    return [];
  }
}

/** `file:` + each `.csr`/`.pem` file next to the order, sorted by name. */
export async function csrFileValues(
  model: OrderModel,
  listDirectory: ListDirectory | undefined,
): Promise<{ value: string; detail: string }[]> {
  const folder = listDirectory && orderFolder(model);
  if (!folder) return [];
  return (await list(listDirectory, folder))
    .filter((e) => e.type === 'file' && CSR_FILE.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ value: `${CSR_FILE_PREFIX}${name}`, detail: `CSR file next to the order` }));
}

/** The relative path from the order to the shipped schema of its API, when a `schemas/` folder above it holds it. */
export async function schemaPathValue(
  model: OrderModel,
  api: ApiCatalogue | undefined,
  listDirectory: ListDirectory | undefined,
): Promise<string | undefined> {
  const folder = listDirectory && api && orderFolder(model);
  if (!folder) return undefined;
  const file = schemaFileName(api);
  let dir = folder;
  for (let up = 0; up < SCHEMA_SEARCH_LEVELS; up++) {
    const hasSchemas = (await list(listDirectory, dir)).some(
      (e) => e.type === 'directory' && e.name === 'schemas',
    );
    if (hasSchemas) {
      const inside = await list(listDirectory, new URL('schemas/', dir));
      if (inside.some((e) => e.type === 'file' && e.name === file))
        return `${'../'.repeat(up)}schemas/${file}`;
    }
    const parent = new URL('..', dir);
    if (parent.href === dir.href) break;
    dir = parent;
  }
  return undefined;
}
