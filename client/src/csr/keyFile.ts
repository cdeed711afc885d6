// Writing the private key: only the owner may read it (mode 0600 from the moment the file exists,
// not chmod-ed afterwards), and an existing file is replaced only when the caller says so, through
// a new file renamed over it, so that no reader ever sees half a key.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';

export const KEY_FILE_MODE = 0o600;

async function writeNew(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx', KEY_FILE_MODE);
  try {
    await handle.writeFile(text, 'utf8');
    // The process's umask can only take bits away; this makes sure none were added.
    await handle.chmod(KEY_FILE_MODE);
  } finally {
    await handle.close();
  }
}

/** Whether something is at `file` already. */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes `pem` to `file` with mode 0600, creating its folder (0700) when missing. */
export async function writePrivateKey(file: string, pem: string, replace: boolean): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!replace) return writeNew(file, pem);
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}`,
  );
  try {
    await writeNew(temporary, pem);
    await rename(temporary, file);
    await chmod(file, KEY_FILE_MODE);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/** Removes a key this command wrote, when the rest of the command failed. */
export async function removeKey(file: string): Promise<void> {
  await rm(file, { force: true });
}
