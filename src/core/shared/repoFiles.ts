// The one way the core reads a repository's files (SPEC §5 "hostile repositories"). People open
// repositories they do not trust, and Async Desk indexes them at folder open, in Restricted Mode too,
// so every read here:
//  - resolves the real path and reads only inside the root (the workspace folder, or the CLI's
//    --root): a symlink out of it, an absolute or `../` folder in a config file, is a problem, not a read;
//  - reads regular files only, opened non-blocking after a stat, so a device (/dev/zero), a FIFO,
//    /dev/stdin or a socket never blocks or floods memory;
//  - refuses files over a size limit before reading a byte of them;
//  - decodes UTF-8 (a BOM is kept, so writing back stays byte-identical) and UTF-16 with a BOM, and
//    reports UTF-16 without one;
//  - never throws: a bad file is a problem on that file only.
// Folder listings go through here too: symlinked entries that lead outside are reported and skipped.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { Problem } from './problem';

export const KB = 1024;
export const MB = 1024 * KB;

/** Size limits, in bytes. The extension takes them from settings; the CLI uses these. */
export interface ReadLimits {
  /** Records, standups, issue templates, ritual templates. */
  file: number;
  /** The team file (it grows with the team: ~120 bytes a member, so 1 MB is ~8,000 members). */
  teamFile: number;
}

/**
 * 1 MB each. Measured: a 1 MB team file (8,700 members) parses in ~0.45 s, a 5 MB one in 2.3 s and
 * 400 MB, which would freeze an extension host at folder open; real team files are a few KB.
 */
export const DEFAULT_LIMITS: ReadLimits = { file: 1 * MB, teamFile: 1 * MB };
/** Small config files (.adr-dir, .log4brains.yml, config.yml of issue templates): a hard limit. */
export const CONFIG_LIMIT = 256 * KB;

export type ReadOutcome =
  | { ok: true; text: string }
  /** No such file (or a folder on the way is missing): not a problem by itself. */
  | { ok: false; missing: true }
  | { ok: false; missing: false; problem: Problem };

type ReadFailure = Exclude<ReadOutcome, { ok: true }>;

export type EntryKind = 'file' | 'dir' | 'other';

export interface FolderEntry {
  name: string;
  /** For a symlink inside the root: the kind of its target. */
  kind: EntryKind;
}

export interface FolderListing {
  entries: FolderEntry[];
  /** Entries that were skipped (links out of the root, unreadable), as problems on them. */
  problems: Problem[];
  /** The folder itself is missing (nothing to list, not a problem). */
  missing: boolean;
}

const fileProblem = (file: string, code: string, message: string, severity: Problem['severity'] = 'error'): Problem => ({
  file,
  line: 0,
  severity,
  code,
  message,
});

/** '1.5 MB', '820 KB', '12 bytes'. */
export function sizeText(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1).replace(/\.0$/, '')} MB`;
  if (bytes >= KB) return `${Math.round(bytes / KB)} KB`;
  return `${bytes} bytes`;
}

/** Whether `child` is `parent` or below it (both absolute, normalized). */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** A root-relative path with forward slashes, for messages and problems. */
function display(rel: string): string {
  return rel.split(path.sep).join('/');
}

export class RepoFiles {
  private realRootCache: string | undefined;

  constructor(
    /** The workspace folder (extension) or repository root (CLI), absolute. */
    readonly root: string,
    readonly limits: ReadLimits = DEFAULT_LIMITS,
  ) {}

  /** The root's real path (the root itself may be reached through a symlink: that is fine). */
  private realRoot(): string {
    if (this.realRootCache === undefined) {
      try {
        this.realRootCache = realpathSync.native(this.root);
      } catch {
        this.realRootCache = path.resolve(this.root);
      }
    }
    return this.realRootCache;
  }

  /**
   * A folder named by a setting or a config file (`.adr-dir`, `.log4brains.yml`), as a root-relative
   * path with forward slashes ('' = the root), or why it is refused: absolute paths and `../` that
   * lead outside the root, and folders reached through a symlink that leads outside. A folder that
   * does not exist yet is fine (it is created on the first write).
   */
  folder(dir: string): { dir: string } | { error: string } {
    const trimmed = dir.trim().replace(/\\/g, '/');
    const absolute = path.resolve(this.root, trimmed);
    if (!isInside(absolute, path.resolve(this.root))) return { error: `"${dir.trim()}" is outside the workspace folder; Async Desk reads only inside it.` };
    const rel = display(path.relative(path.resolve(this.root), absolute));
    // Resolve the deepest existing part: a symlinked folder on the way must stay inside too.
    let existing = absolute;
    for (;;) {
      try {
        const real = realpathSync.native(existing);
        if (!isInside(real, this.realRoot()))
          return { error: `"${dir.trim()}" leads outside the workspace folder through a symbolic link; Async Desk reads only inside it.` };
        break;
      } catch (error) {
        const parent = path.dirname(existing);
        if (parent === existing || errorCode(error) === 'ELOOP') return { error: `"${dir.trim()}" cannot be resolved (${errorCode(error) ?? 'error'}).` };
        existing = parent;
      }
    }
    return { dir: rel === '.' ? '' : rel };
  }

  /** The real path of a root-relative path when it is inside the root; a problem otherwise. */
  private resolve(rel: string): { real: string } | ReadFailure {
    const file = display(rel);
    const absolute = path.resolve(this.root, rel);
    if (!isInside(absolute, path.resolve(this.root)))
      return { ok: false, missing: false, problem: fileProblem(file, 'outside-workspace', `${file} is outside the workspace folder; not read.`) };
    let real: string;
    try {
      real = realpathSync.native(absolute);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        // A link to nothing, or to something that has no path (/dev/stdin -> /proc/self/fd/0 -> a pipe).
        if (isSymbolicLink(absolute))
          return {
            ok: false,
            missing: false,
            problem: fileProblem(file, 'broken-link', `${file} is a symbolic link to something that is not a file in the workspace folder; not read.`),
          };
        return { ok: false, missing: true };
      }
      if (code === 'ELOOP')
        return { ok: false, missing: false, problem: fileProblem(file, 'symlink-loop', `${file} is a symbolic link that loops; not read.`) };
      if (code === 'EACCES' || code === 'EPERM')
        return { ok: false, missing: false, problem: fileProblem(file, 'unreadable', `${file} cannot be read: permission denied.`) };
      return { ok: false, missing: false, problem: fileProblem(file, 'unreadable', `${file} cannot be read (${code ?? String(error)}).`) };
    }
    if (!isInside(real, this.realRoot())) {
      return {
        ok: false,
        missing: false,
        problem: fileProblem(file, 'outside-workspace', `${file} is a symbolic link to a file outside the workspace folder; not read.`),
      };
    }
    return { real };
  }

  /** Whether a root-relative path is a folder inside the root (following links that stay inside). */
  isFolder(rel: string): boolean {
    const resolved = this.resolve(rel);
    if (!('real' in resolved)) return false;
    try {
      return statSync(resolved.real).isDirectory();
    } catch {
      return false;
    }
  }

  /**
   * Reads a root-relative file as text, within `maxBytes` (default: the file limit). `limitHint`
   * names the setting that raises the limit, for the message. Never throws.
   */
  read(rel: string, maxBytes = this.limits.file, limitHint = ''): ReadOutcome {
    const file = display(rel);
    const resolved = this.resolve(rel);
    if (!('real' in resolved)) return resolved;
    return readRegularFile(resolved.real, file, maxBytes, limitHint);
  }

  /**
   * Lists a root-relative folder: entries with their kinds; a symlink counts as its target's kind
   * when the target is inside the root, and is skipped with a problem when it leads outside.
   * Hidden entries are listed too (callers decide). Never throws.
   */
  list(rel: string): FolderListing {
    const dir = display(rel);
    const resolved = this.resolve(rel);
    if (!('real' in resolved)) {
      if (resolved.missing) return { entries: [], problems: [], missing: true };
      return { entries: [], problems: [resolved.problem], missing: false };
    }
    let dirents;
    try {
      dirents = readdirSync(resolved.real, { withFileTypes: true });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') return { entries: [], problems: [], missing: true };
      if (code === 'ENOTDIR') return { entries: [], problems: [fileProblem(dir, 'not-a-folder', `${dir} is not a folder.`)], missing: false };
      return {
        entries: [],
        problems: [
          fileProblem(dir, 'unreadable', `${dir} cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error))}.`),
        ],
        missing: false,
      };
    }
    const entries: FolderEntry[] = [];
    const problems: Problem[] = [];
    for (const d of dirents) {
      if (d.isFile()) entries.push({ name: d.name, kind: 'file' });
      else if (d.isDirectory()) entries.push({ name: d.name, kind: 'dir' });
      else if (d.isSymbolicLink()) {
        const child = dir ? `${dir}/${d.name}` : d.name;
        const target = this.resolve(child);
        if (!('real' in target)) {
          if (!target.missing) problems.push(target.problem);
          continue; // a dangling link is nothing
        }
        let stats: Stats;
        try {
          stats = statSync(target.real);
        } catch {
          continue;
        }
        entries.push({ name: d.name, kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'dir' : 'other' });
      } else entries.push({ name: d.name, kind: 'other' });
    }
    return { entries, problems, missing: false };
  }
}

/**
 * Reads a file that need not be in a repository (the CLI's --answers, `.git/config`) with the same
 * care: regular files only, never blocking, within `maxBytes`. `name` is how messages call it.
 */
export function readFileSafely(file: string, name: string, maxBytes: number, limitHint = '', options: DecodeOptions = {}): ReadOutcome {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true };
    return { ok: false, missing: false, problem: fileProblem(name, 'unreadable', `${name} cannot be read (${code ?? String(error)}).`) };
  }
  return readRegularFile(real, name, maxBytes, limitHint, options);
}

export interface DecodeOptions {
  /** Refuse UTF-16 instead of decoding it: for files about to be edited (Async Desk writes UTF-8). */
  refuseUtf16?: boolean;
}

function readRegularFile(real: string, file: string, maxBytes: number, limitHint: string, options: DecodeOptions = {}): ReadOutcome {
  const fail = (code: string, message: string): ReadOutcome => ({ ok: false, missing: false, problem: fileProblem(file, code, message) });
  const notRegular = (stats: Stats) =>
    fail(
      'not-a-file',
      `${file} is not a regular file (${stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a file'}); not read.`,
    );
  const tooLarge = (size: number) =>
    fail('too-large', `${file} is ${sizeText(size)}, over the ${sizeText(maxBytes)} limit${limitHint ? ` (${limitHint})` : ''}; not read.`);
  let before: Stats;
  try {
    before = statSync(real);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { ok: false, missing: true };
    return fail('unreadable', `${file} cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error))}.`);
  }
  // Stat before open: a device or FIFO is never opened at all.
  if (!before.isFile()) return notRegular(before);
  if (before.size > maxBytes) return tooLarge(before.size);
  let fd: number;
  try {
    // Non-blocking and no controlling terminal, in case the path was swapped for a FIFO or a tty
    // after the stat; O_NOFOLLOW: `real` has no links left, so a link now means a swap.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { ok: false, missing: true };
    return fail(
      'unreadable',
      `${file} cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'it changed into a symbolic link' : (code ?? String(error))}.`,
    );
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return notRegular(stats);
    if (stats.size > maxBytes) return tooLarge(stats.size);
    // Read at most maxBytes + 1: a file that grew past the limit since the stat is still refused.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size, 0) + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return tooLarge(length);
    return decodeText(buffer.subarray(0, length), file, options);
  } catch (error) {
    const code = errorCode(error);
    return fail('unreadable', `${file} cannot be read (${code ?? String(error)}).`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Text of a file's bytes: UTF-16 with a byte-order mark is decoded (without the mark); UTF-16
 * without one is reported (it would read as garbage); anything else is UTF-8, a UTF-8 BOM kept as
 * U+FEFF so that writing the text back is byte-identical.
 */
export function decodeText(bytes: Buffer, file: string, options: DecodeOptions = {}): ReadOutcome {
  if (options.refuseUtf16 && hasUtf16Bom(bytes)) {
    return {
      ok: false,
      missing: false,
      problem: fileProblem(
        file,
        'utf-16',
        `${file} is UTF-16 text; Async Desk edits UTF-8 files only. Save it as UTF-8 (VS Code: "Save with Encoding"), then try again.`,
      ),
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: bytes.subarray(2).toString('utf16le') };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.subarray(0, swapped.length - (swapped.length % 2)).swap16();
    return { ok: true, text: swapped.toString('utf16le') };
  }
  if (looksLikeUtf16(bytes)) {
    return {
      ok: false,
      missing: false,
      problem: fileProblem(
        file,
        'utf-16-without-bom',
        `${file} looks like UTF-16 text without a byte-order mark; save it as UTF-8 (VS Code: "Save with Encoding").`,
      ),
    };
  }
  return { ok: true, text: bytes.toString('utf8') };
}

/** Half or more of the even (or odd) bytes of the first KB are zero: ASCII text in UTF-16. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 16) return false; // too short to tell
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  return (oddZeros >= pairs / 2 && evenZeros < pairs / 10) || (evenZeros >= pairs / 2 && oddZeros < pairs / 10);
}

/** Whether bytes start with a UTF-16 byte-order mark. */
export function hasUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}
