// Posts waiting to be pushed, one JSON file each under `<common-dir>/async-desk/queue/` (one queue per
// clone, shared by the editor and the CLI; the sharing lock keeps them from writing it at once).
// A post is queued BEFORE its push is tried and removed after the push landed, so nothing typed is
// lost to a crash, a reload or a machine restart; writes are atomic (temp file + rename). One entry
// per branch path: a newer post of the same file replaces the waiting one (the newest text wins, and
// it keeps the older entry's base, the revision the author last saw).
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/fs';
import { MB } from '../shared/repoFiles';
import type { SharingFailure } from './failure';

export interface QueuedPost {
  /** The path inside the sharing branch. */
  file: string;
  text: string;
  /** The author's login. */
  author: string;
  /** The blob id of the revision this text was edited from; null for a new file. */
  base: string | null;
  /** ISO 8601, when it was first queued. */
  queuedAt: string;
  /** Push attempts so far. */
  attempts: number;
  /** Why the last attempt did not land. */
  failure?: SharingFailure;
  /** The last attempt found another revision of the file on the branch (the author must choose). */
  conflict?: { theirsBlob: string };
}

const FILE_LIMIT = 16 * MB;

function entryName(file: string): string {
  const readable = file.replace(/[^A-Za-z0-9.-]+/g, '_').slice(-80);
  return `${readable}-${createHash('sha1').update(file).digest('hex').slice(0, 12)}.json`;
}

function isQueuedPost(value: unknown): value is QueuedPost {
  const v = value as Partial<QueuedPost> | null;
  return (
    !!v &&
    typeof v.file === 'string' &&
    typeof v.text === 'string' &&
    typeof v.author === 'string' &&
    (v.base === null || typeof v.base === 'string') &&
    typeof v.queuedAt === 'string' &&
    typeof v.attempts === 'number'
  );
}

export class PostQueue {
  constructor(readonly dir: string) {}

  /** Every waiting post, oldest first. Unreadable entries are skipped (and kept on disk), never thrown. */
  async list(): Promise<QueuedPost[]> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const posts: QueuedPost[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const post = await this.readEntry(join(this.dir, name));
      if (post) posts.push(post);
    }
    return posts.sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.file < b.file ? -1 : 1));
  }

  async get(file: string): Promise<QueuedPost | undefined> {
    return (await this.readEntry(join(this.dir, entryName(file)))) ?? undefined;
  }

  async put(post: QueuedPost): Promise<void> {
    await writeFileAtomic(join(this.dir, entryName(post.file)), `${JSON.stringify(post, null, 1)}\n`);
  }

  async remove(file: string): Promise<void> {
    await fsp.unlink(join(this.dir, entryName(file))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private async readEntry(path: string): Promise<QueuedPost | null> {
    try {
      const stat = await fsp.stat(path);
      if (!stat.isFile() || stat.size > FILE_LIMIT) return null;
      const value: unknown = JSON.parse(await fsp.readFile(path, 'utf8'));
      return isQueuedPost(value) ? value : null;
    } catch {
      return null;
    }
  }
}
