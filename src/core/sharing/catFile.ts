// Reads git objects in one long-running `git cat-file --batch` process: a request is a line on its
// stdin, an answer is `<oid> <type> <size>\n<bytes>\n` (or `<spec> missing\n`) on its stdout, in
// order. One process for any number of objects: reading the 200 standups of a day costs one spawn,
// not 200.
import type { ChildProcess } from 'node:child_process';
import { endBatch } from './git';
import type { GitRunner } from './git';

export interface GitObject {
  oid: string;
  type: 'blob' | 'tree' | 'commit' | 'tag';
  size: number;
  data: Buffer;
}

interface Pending {
  resolve: (object: GitObject | null) => void;
  reject: (error: Error) => void;
}

export class CatFile {
  private child: ChildProcess | undefined;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private header: { oid: string; type: GitObject['type']; size: number } | undefined;
  private failed: Error | undefined;
  private stderr = '';

  constructor(
    private readonly git: GitRunner,
    private readonly cwd: string,
  ) {}

  /** The object named by `spec` (an id, `<commit>:<path>`, `<rev>^{tree}`), or null when there is none. */
  get(spec: string): Promise<GitObject | null> {
    if (/[\r\n]/.test(spec)) return Promise.resolve(null); // a line break would end the request early
    if (this.failed) return Promise.reject(this.failed);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      child.stdin!.write(`${spec}\n`);
    });
  }

  /** Ends the process (pending requests are answered first). */
  close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    return endBatch(child);
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = this.git.start(['cat-file', '--batch'], { cwd: this.cwd, readOnly: true });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr = (this.stderr + s).slice(-4096)));
    child.stdin!.on('error', () => undefined);
    const fail = (why: string) => {
      if (this.child === child) this.child = undefined;
      if (this.pending.length === 0) return;
      this.failed = new Error(`git cat-file --batch ${why}${this.stderr ? `: ${this.git.redact(this.stderr.trim())}` : ''}`);
      for (const p of this.pending.splice(0)) p.reject(this.failed);
    };
    child.on('error', (error) => fail(`could not run (${(error as NodeJS.ErrnoException).code ?? error.message})`));
    child.on('close', (code) => fail(`ended (exit ${code})`));
    return child;
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      if (!this.header) {
        const eol = this.buffer.indexOf(10, offset);
        if (eol < 0) break;
        const line = this.buffer.toString('utf8', offset, eol);
        offset = eol + 1;
        const parts = line.split(' ');
        if (parts.length === 3 && /^\d+$/.test(parts[2]!)) {
          this.header = { oid: parts[0]!, type: parts[1] as GitObject['type'], size: Number(parts[2]) };
        } else {
          // "<spec> missing" or "<spec> ambiguous"
          this.pending.shift()?.resolve(null);
          continue;
        }
      }
      const { oid, type, size } = this.header;
      if (this.buffer.length - offset < size + 1) break;
      const data = Buffer.from(this.buffer.subarray(offset, offset + size));
      offset += size + 1;
      this.header = undefined;
      this.pending.shift()?.resolve({ oid, type, size, data });
    }
    this.buffer = offset >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(offset);
  }
}

/** One entry of a tree object. */
export interface TreeEntry {
  /** '100644', '100755', '120000' (symlink), '160000' (submodule), '40000' (tree). */
  mode: string;
  /** The name's raw bytes as a latin1 string, so that a tree written back keeps names that are not UTF-8 byte for byte. */
  name: string;
  oid: string;
}

/** The entries of a raw tree object (`<mode> <name>\0<binary id>`…); the id length says SHA-1 or SHA-256. */
export function parseTree(data: Buffer, oidHexLength: number): TreeEntry[] {
  const bytes = oidHexLength / 2;
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const nul = data.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + bytes > data.length) break;
    entries.push({
      mode: data.toString('latin1', at, space),
      name: data.toString('latin1', space + 1, nul),
      oid: data.toString('hex', nul + 1, nul + 1 + bytes),
    });
    at = nul + 1 + bytes;
  }
  return entries;
}
