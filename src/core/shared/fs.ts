// File writes used by the CLI and the extension alike. Every write is atomic (temp file + rename),
// and a create never replaces an existing file: SPEC §2 "never overwrite an existing file without asking".
import { promises as fsp } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MB, readFileSafely } from './repoFiles';

export class FileExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly path: string) {
    super(`${path} already exists; Async Desk does not overwrite existing files.`);
  }
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes text to path atomically. With `create`, fails with FileExistsError when path exists. */
export async function writeFileAtomic(path: string, text: string, options: { create?: boolean } = {}): Promise<void> {
  await fsp.mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  await fsp.writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
  try {
    if (options.create) {
      // link() fails when the target exists, so two writers can never both "create" the same file.
      try {
        await fsp.link(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
        throw error;
      }
      await fsp.unlink(temp);
    } else {
      await fsp.rename(temp, path);
    }
  } catch (error) {
    await fsp.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Renames from -> to, refusing to replace an existing file. */
export async function renameNoClobber(from: string, to: string): Promise<void> {
  await fsp.mkdir(dirname(to), { recursive: true });
  try {
    await fsp.link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(to);
    throw error;
  }
  await fsp.unlink(from);
}

/** Files larger than this are not opened for an edit (a record or standup is a few KB). */
export const EDIT_LIMIT = 16 * MB;

/**
 * The text of a file about to be edited, or null when it does not exist. Throws a clear error for a
 * file that cannot be edited safely: not a regular file (a device or FIFO would block or flood
 * memory), over 16 MB, or UTF-16 (Async Desk writes UTF-8 and never converts a file silently).
 */
export function readTextIfExists(path: string): Promise<string | null> {
  const read = readFileSafely(path, path, EDIT_LIMIT, '', { refuseUtf16: true });
  if (read.ok) return Promise.resolve(read.text);
  if (read.missing) return Promise.resolve(null);
  return Promise.reject(new Error(read.problem.message));
}
