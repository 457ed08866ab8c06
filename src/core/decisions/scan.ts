// Finding decision folders (SPEC §2 table) and indexing every record in them.
import { promises as fsp, readFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { checkIndex } from './check';
import { parseRecord } from './parse';
import type { DecisionFolder, DecisionIndex, DecisionRecord, RecordFormat } from './types';

export interface DiscoverOptions {
  /** The asyncDesk.decisionsDir setting, relative to root; empty or undefined: discover. */
  decisionsDir?: string;
}

export interface ScanOptions extends DiscoverOptions {
  /** YYYY-MM-DD; when given, passed review-by dates are reported. */
  today?: string;
}

interface ParseJob {
  file: string;
  dir: string;
}

const DEFAULT_DIRS = ['docs/decisions', 'docs/adr', 'doc/adr'];
const NOT_RECORDS = new Set(['readme.md', 'index.md', 'template.md', 'adr-template.md']);
/** Sub-folders that hold templates or assets, never a category of records. */
const NOT_CATEGORIES = new Set(['templates', 'template', 'assets', 'images', 'img', 'media', 'diagrams', 'node_modules']);

/** Whether a file name in a decisions folder is a record (not a README, template, hidden or non-Markdown file). */
export function isRecordFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.md') && !NOT_RECORDS.has(lower) && !name.startsWith('_') && !name.startsWith('.');
}

interface FolderSpec {
  dir: string;
  source: DecisionFolder['source'];
  label: string;
  /** Format when the folder has no records yet. */
  fallback: RecordFormat;
  /** Look for MADR category sub-folders. */
  categories: boolean;
}

/** Root-relative, forward slashes, no './' or trailing slash. */
function normalizeDir(root: string, dir: string): string {
  let d = dir.trim().replace(/\\/g, '/');
  if (path.isAbsolute(d)) d = path.relative(root, d).split(path.sep).join('/');
  d = path.posix.normalize(d).replace(/\/+$/, '');
  return d === '.' ? '' : d.replace(/^\.\//, '');
}

async function readTextOrNull(file: string): Promise<string | null> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch {
    return null;
  }
}

async function listDir(dir: string): Promise<Dirent[]> {
  try {
    return await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return []; // missing folder: nothing indexed yet, "new record" still has a place
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fsp.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Setting > .adr-dir > .log4brains.yml > first existing default > docs/decisions. */
async function configuredFolders(root: string, options: DiscoverOptions): Promise<FolderSpec[]> {
  const setting = options.decisionsDir?.trim();
  if (setting) return [{ dir: normalizeDir(root, setting), source: 'setting', label: '', fallback: 'madr', categories: true }];

  const adrDir = (await readTextOrNull(path.join(root, '.adr-dir')))?.split(/\r?\n/).find((l) => l.trim() !== '');
  // An adr-tools folder writes adr-tools records even before the first one exists.
  if (adrDir) return [{ dir: normalizeDir(root, adrDir), source: 'adr-dir', label: '', fallback: 'nygard', categories: false }];

  const log4brains = await readTextOrNull(path.join(root, '.log4brains.yml'));
  if (log4brains !== null) {
    const specs: FolderSpec[] = [];
    try {
      const config = parseDocument(log4brains).toJS({ maxAliasCount: 100 }) as { project?: { adrFolder?: unknown; packages?: unknown } } | null;
      const project = config?.project;
      if (project && typeof project.adrFolder === 'string' && project.adrFolder.trim()) {
        specs.push({ dir: normalizeDir(root, project.adrFolder), source: 'log4brains', label: '', fallback: 'log4brains', categories: false });
      }
      if (project && Array.isArray(project.packages)) {
        for (const pkg of project.packages as { name?: unknown; adrFolder?: unknown }[]) {
          if (!pkg || typeof pkg.adrFolder !== 'string' || !pkg.adrFolder.trim()) continue;
          const dir = normalizeDir(root, pkg.adrFolder);
          specs.push({ dir, source: 'package', label: typeof pkg.name === 'string' ? pkg.name : path.posix.basename(dir), fallback: 'log4brains', categories: false });
        }
      }
    } catch {
      // An unreadable .log4brains.yml falls through to the defaults.
    }
    if (specs.length) return specs;
  }

  for (const dir of DEFAULT_DIRS) {
    if (await isDirectory(path.join(root, dir))) return [{ dir, source: 'default', label: '', fallback: 'madr', categories: true }];
  }
  return [{ dir: 'docs/decisions', source: 'default', label: '', fallback: 'madr', categories: true }];
}

/**
 * Reads and parses records in batches of synchronous reads, yielding to the event loop between batches.
 * Measured on 2 cores with 10,000 records: fs.promises.readFile with 8-64 reads in flight took 0.8-1.9 s
 * just to read (four threadpool round trips and a promise per file), readFileSync 0.1 s; the batches keep
 * an extension host responsive while a large folder is indexed. Parsing on worker threads was measured
 * too and lost: each thread pays the parsers' JIT warm-up again, which is most of a cold scan.
 */
async function readAndParse(root: string, jobs: readonly ParseJob[]): Promise<DecisionRecord[]> {
  const records: DecisionRecord[] = [];
  const BATCH = 100; // ~10-30 ms of parsing between yields
  for (let i = 0; i < jobs.length; i += BATCH) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    records.push(...readAndParseSync(root, jobs, i, Math.min(i + BATCH, jobs.length)));
  }
  return records;
}

function readAndParseSync(root: string, jobs: readonly ParseJob[], from: number, to: number): DecisionRecord[] {
  const records: DecisionRecord[] = [];
  for (let i = from; i < to; i++) {
    const job = jobs[i]!;
    let text: string;
    try {
      text = readFileSync(path.join(root, job.file), 'utf8');
    } catch {
      continue; // deleted between listing and reading
    }
    records.push(parseRecord(text, job.file, job.dir));
  }
  return records;
}

function majorityFormat(records: readonly DecisionRecord[], fallback: RecordFormat): RecordFormat {
  if (records.length === 0) return fallback;
  const counts = new Map<RecordFormat, number>();
  for (const r of records) counts.set(r.format, (counts.get(r.format) ?? 0) + 1);
  // Ties go to the folder's own kind first, then native.
  const order: RecordFormat[] = [fallback, 'madr', 'nygard', 'log4brains'];
  return order.reduce((best, f) => ((counts.get(f) ?? 0) > (counts.get(best) ?? 0) ? f : best), order[0]!);
}

async function load(root: string, options: ScanOptions): Promise<{ folders: DecisionFolder[]; records: DecisionRecord[] }> {
  const specs = await configuredFolders(root, options);
  const recordFiles = (dir: string, entries: Dirent[]) =>
    entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && isRecordFileName(e.name))
      .map((e) => (dir ? `${dir}/${e.name}` : e.name))
      .sort();
  // Each configured folder, followed by its categories (sub-folders that hold records).
  const perSpec = await Promise.all(
    specs.map(async (spec) => {
      const entries = await listDir(path.join(root, spec.dir));
      const groups = [{ spec, files: recordFiles(spec.dir, entries) }];
      if (!spec.categories) return groups;
      const subdirs = entries
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_') && !NOT_CATEGORIES.has(e.name.toLowerCase()))
        .map((e) => e.name)
        .sort();
      for (const name of subdirs) {
        const dir = spec.dir ? `${spec.dir}/${name}` : name;
        const files = recordFiles(dir, await listDir(path.join(root, dir)));
        if (files.length) groups.push({ spec: { dir, source: 'category', label: name, fallback: spec.fallback, categories: false }, files });
      }
      return groups;
    }),
  );
  const seen = new Set<string>();
  const groups = perSpec.flat().filter((g) => !seen.has(g.spec.dir) && seen.add(g.spec.dir));

  const jobs = groups.flatMap((g) => g.files.map((file) => ({ file, dir: g.spec.dir })));
  const records = await readAndParse(root, jobs);
  const folders = groups.map(({ spec }) => ({
    dir: spec.dir,
    source: spec.source,
    label: spec.label,
    format: majorityFormat(
      records.filter((r) => r.folder === spec.dir),
      spec.fallback,
    ),
  }));
  return { folders, records: records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

/** The decision folders of a workspace root, with the format new records in each are written in. */
export async function discoverFolders(root: string, options: DiscoverOptions = {}): Promise<DecisionFolder[]> {
  return (await load(root, options)).folders;
}

/** Indexes every record in every decision folder, with parse and cross-record problems. */
export async function scanDecisions(root: string, options: ScanOptions = {}): Promise<DecisionIndex> {
  const { folders, records } = await load(root, options);
  const problems = [...records.flatMap((r) => r.problems), ...checkIndex(records, options.today)];
  return { root, folders, records, problems };
}
