// One lock file per clone (`<common-dir>/async-desk/lock`), so the editor and the CLI (or two CLI
// runs) never post, sync or rewrite the queue at the same time. Created with O_EXCL; it holds the
// owner's pid, host and start time, so a lock left by a process that died (a crash, a killed
// terminal) is taken over instead of blocking sharing for ever.
import { promises as fsp } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export interface LockOptions {
  /** How long to wait for another holder (default 60 s). */
  waitMs?: number;
  /** A lock older than this is stale whoever holds it (default 10 min: no sharing operation takes that long). */
  staleMs?: number;
}

interface Owner {
  pid: number;
  host: string;
  at: number;
  token: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<Owner | null | 'missing'> {
  try {
    const owner = JSON.parse(await fsp.readFile(path, 'utf8')) as Owner;
    return typeof owner.pid === 'number' && typeof owner.at === 'number' ? owner : null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : null;
  }
}

export class LockTimeoutError extends Error {}

/** Runs `work` holding the lock at `path`; waits for another holder, takes over a stale lock. */
export async function withLock<T>(path: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 60_000;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const owner: Owner = { pid: process.pid, host: hostname(), at: Date.now(), token };
  await fsp.mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + waitMs;
  let delay = 10;
  for (;;) {
    try {
      const handle = await fsp.open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(path);
    if (holder === 'missing') continue;
    // Unreadable (being written this instant) counts as held; a dead or too old holder is stale.
    const stale = holder !== null && ((holder.host === owner.host && !alive(holder.pid)) || Date.now() - holder.at > staleMs);
    if (stale) {
      // Rename first: of two processes taking over the same stale lock, only one rename succeeds.
      const aside = `${path}.stale-${token}`;
      const moved = await fsp.rename(path, aside).then(
        () => true,
        () => false,
      );
      if (moved) {
        // Another process may have taken the stale lock over between our read and our rename: put
        // its fresh lock back (link fails if yet another one exists, which then wins).
        const movedOwner = await readOwner(aside);
        if (movedOwner !== 'missing' && movedOwner?.token !== holder.token) await fsp.link(aside, path).catch(() => undefined);
        await fsp.unlink(aside).catch(() => undefined);
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(`Another Async Desk process is sharing in this repository (pid ${holder?.pid ?? '?'}); try again in a moment.`);
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }
  try {
    return await work();
  } finally {
    // Only our own lock: a holder that took it over as stale keeps theirs.
    const holder = await readOwner(path);
    if (holder !== 'missing' && holder?.token === token) await fsp.unlink(path).catch(() => undefined);
  }
}
