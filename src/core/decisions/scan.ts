// Finding decision folders (SPEC §2 table) and indexing every record in them. Every file and folder
// is read through RepoFiles (src/core/shared/repoFiles.ts): only inside the root, regular files, size-limited.
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { checkIndex } from './check';
import { isTemplateRecord, parseRecord } from './parse';
import { parseFileName } from './recordFields';
import { CONFIG_LIMIT, RepoFiles, type FolderEntry, type ReadLimits } from '../shared/repoFiles';
import type { DecisionFolder, DecisionIndex, DecisionRecord, RecordFormat } from './types';
import type { Problem } from '../shared/problem';

export interface DiscoverOptions {
  /** The asyncDesk.decisionsDir setting, relative to root; empty or undefined: discover. */
  decisionsDir?: string;
  /** Size limits (default: DEFAULT_LIMITS). */
  limits?: ReadLimits;
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
/** READMEs and the templates the formats ship (MADR's adr-template*.md variants, adr-tools' template.md). */
const NOT_RECORDS = new Set([
  'readme.md',
  'index.md',
  'template.md',
  'adr-template.md',
  'adr-template-minimal.md',
  'adr-template-bare.md',
  'adr-template-bare-minimal.md',
  'madr-template.md',
  'adr_template.md',
]);
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

/** A config file's text, or null when it is missing; a file that cannot be read safely is a problem. */
function readConfig(files: RepoFiles, file: string, problems: Problem[]): string | null {
  const read = files.read(file, CONFIG_LIMIT);
  if (read.ok) return read.text;
  if (!read.missing) problems.push(read.problem);
  return null;
}

/** 0-based line of the first line of `text` containing `value` (where a config file names a folder). */
function lineOf(text: string, value: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(value));
  return Math.max(0, line);
}

/**
 * A folder named by a setting or config file, root-relative; a folder outside the root (absolute,
 * `../`, or through a link) is a problem on the config file's line and is not read.
 */
function confined(files: RepoFiles, dir: string, where: { file: string; line: number } | undefined, problems: Problem[]): string | null {
  const folder = files.folder(dir);
  if ('dir' in folder) {
    // A config file that names a folder that is not there (a typo, a moved folder) is worth a word.
    if (where && !files.isFolder(folder.dir)) {
      problems.push({
        file: where.file,
        line: where.line,
        severity: 'warning',
        code: 'folder-missing',
        message: `The decisions folder ${folder.dir || '.'} named in ${where.file} does not exist.`,
      });
    }
    return folder.dir;
  }
  problems.push({
    file: where?.file ?? '',
    line: where?.line ?? 0,
    severity: 'error',
    code: 'folder-outside-workspace',
    message: `The decisions folder ${folder.error}${where ? '' : ' (setting asyncDesk.decisionsDir)'}`,
  });
  return null;
}

/** Setting > .adr-dir > .log4brains.yml > first existing default > docs/decisions. */
function configuredFolders(files: RepoFiles, options: DiscoverOptions, problems: Problem[]): FolderSpec[] {
  const setting = options.decisionsDir?.trim();
  if (setting) {
    const dir = confined(files, setting, undefined, problems);
    return dir === null ? [] : [{ dir, source: 'setting', label: '', fallback: 'madr', categories: true }];
  }

  const adrText = readConfig(files, '.adr-dir', problems);
  const adrLines = adrText?.split(/\r?\n/) ?? [];
  const adrLine = adrLines.findIndex((l) => l.trim() !== '');
  // An adr-tools folder writes adr-tools records even before the first one exists.
  if (adrLine >= 0) {
    const dir = confined(files, adrLines[adrLine]!, { file: '.adr-dir', line: adrLine }, problems);
    return dir === null ? [] : [{ dir, source: 'adr-dir', label: '', fallback: 'nygard', categories: false }];
  }

  const log4brains = readConfig(files, '.log4brains.yml', problems);
  if (log4brains !== null) {
    const specs: FolderSpec[] = [];
    let refused = false;
    const at = (value: string) => ({ file: '.log4brains.yml', line: lineOf(log4brains, value) });
    try {
      const config = parseDocument(log4brains).toJS({ maxAliasCount: 100 }) as { project?: { adrFolder?: unknown; packages?: unknown } } | null;
      const project = config?.project;
      if (project && typeof project.adrFolder === 'string' && project.adrFolder.trim()) {
        const dir = confined(files, project.adrFolder, at(project.adrFolder.trim()), problems);
        if (dir === null) refused = true;
        else specs.push({ dir, source: 'log4brains', label: '', fallback: 'log4brains', categories: false });
      }
      if (project && Array.isArray(project.packages)) {
        for (const pkg of project.packages as { name?: unknown; adrFolder?: unknown }[]) {
          if (!pkg || typeof pkg.adrFolder !== 'string' || !pkg.adrFolder.trim()) continue;
          const dir = confined(files, pkg.adrFolder, at(pkg.adrFolder.trim()), problems);
          if (dir === null) refused = true;
          else
            specs.push({
              dir,
              source: 'package',
              label: typeof pkg.name === 'string' ? pkg.name : path.posix.basename(dir),
              fallback: 'log4brains',
              categories: false,
            });
        }
      }
    } catch {
      // An unreadable .log4brains.yml (bad YAML, nested too deeply) falls through to the defaults.
    }
    // Folders that were refused are not replaced by a default: the config says where records are.
    if (specs.length || refused) return specs;
  }

  for (const dir of DEFAULT_DIRS) {
    if (files.isFolder(dir)) return [{ dir, source: 'default', label: '', fallback: 'madr', categories: true }];
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
async function readAndParse(files: RepoFiles, jobs: readonly ParseJob[], problems: Problem[]): Promise<DecisionRecord[]> {
  const records: DecisionRecord[] = [];
  const BATCH = 100; // ~10-30 ms of parsing between yields
  for (let i = 0; i < jobs.length; i += BATCH) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (let j = i; j < Math.min(i + BATCH, jobs.length); j++) {
      const job = jobs[j]!;
      const read = readRecordText(files, job.file);
      if (read.text !== null) {
        const record = parseRecord(read.text, job.file, job.dir);
        if (!isTemplateRecord(record)) records.push(record);
        else if (looksLikeRecord(job.file)) problems.push(templateProblem(record));
      } else if (read.problem) problems.push(read.problem);
      // (missing: deleted between listing and reading)
    }
  }
  return records;
}

/** A file named like a record ('0007-x.md', '20240101-x.md', 'adr-007-x.md'). */
function looksLikeRecord(file: string): boolean {
  const names = parseFileName(file);
  return names.number !== null || names.datePrefix !== null;
}

/** A file named like a record whose title is still a template placeholder: skipped, and said so. */
function templateProblem(record: DecisionRecord): Problem {
  return {
    file: record.file,
    line: record.lines.title,
    severity: 'info',
    code: 'template-skipped',
    message: `${record.file} is named like a decision record but its title "${record.title}" is a template placeholder; it is not listed as a record.`,
  };
}

/** A record file's text through the safe reader: text, or the problem that kept it unread, or neither (gone). */
export function readRecordText(files: RepoFiles, file: string): { text: string | null; problem?: Problem } {
  const read = files.read(file, files.limits.file, 'setting asyncDesk.maxFileSizeMB');
  if (read.ok) return { text: read.text };
  return read.missing ? { text: null } : { text: null, problem: read.problem };
}

function majorityFormat(records: readonly DecisionRecord[], fallback: RecordFormat): RecordFormat {
  if (records.length === 0) return fallback;
  const counts = new Map<RecordFormat, number>();
  for (const r of records) counts.set(r.format, (counts.get(r.format) ?? 0) + 1);
  // Ties go to the folder's own kind first, then native.
  const order: RecordFormat[] = [fallback, 'madr', 'nygard', 'log4brains'];
  return order.reduce((best, f) => ((counts.get(f) ?? 0) > (counts.get(best) ?? 0) ? f : best), order[0]!);
}

async function load(root: string, options: ScanOptions): Promise<{ folders: DecisionFolder[]; records: DecisionRecord[]; fileProblems: Problem[] }> {
  const files = new RepoFiles(root, options.limits);
  const fileProblems: Problem[] = [];
  const specs = configuredFolders(files, options, fileProblems);
  // Symlinked entries count as what they point to when that is inside the root (RepoFiles.list);
  // links out of it are problems, never read.
  const recordFiles = (dir: string, entries: FolderEntry[]) =>
    entries
      .filter((e) => e.kind === 'file' && isRecordFileName(e.name))
      .map((e) => (dir ? `${dir}/${e.name}` : e.name))
      .sort();
  const listDir = (dir: string): FolderEntry[] => {
    const listing = files.list(dir);
    // A problem on a link that is not a record (an image, a template) is not worth a word.
    for (const p of listing.problems) if (p.file === dir || isRecordFileName(p.file.slice(p.file.lastIndexOf('/') + 1))) fileProblems.push(p);
    for (const e of listing.entries) {
      if (e.kind === 'other' && isRecordFileName(e.name)) {
        const file = dir ? `${dir}/${e.name}` : e.name;
        fileProblems.push({
          file,
          line: 0,
          severity: 'error',
          code: 'not-a-file',
          message: `${file} is not a regular file (a device, FIFO or socket); not read.`,
        });
      }
    }
    return listing.entries;
  };
  // Each configured folder, followed by its categories (sub-folders that hold records).
  const perSpec = specs.map((spec) => {
    const entries = listDir(spec.dir);
    const groups = [{ spec, files: recordFiles(spec.dir, entries) }];
    if (!spec.categories) return groups;
    const subdirs = entries
      .filter((e) => e.kind === 'dir' && !e.name.startsWith('.') && !e.name.startsWith('_') && !NOT_CATEGORIES.has(e.name.toLowerCase()))
      .map((e) => e.name)
      .sort();
    for (const name of subdirs) {
      const dir = spec.dir ? `${spec.dir}/${name}` : name;
      const recordsIn = recordFiles(dir, listDir(dir));
      if (recordsIn.length) groups.push({ spec: { dir, source: 'category', label: name, fallback: spec.fallback, categories: false }, files: recordsIn });
    }
    return groups;
  });
  const seen = new Set<string>();
  const groups = perSpec.flat().filter((g) => !seen.has(g.spec.dir) && seen.add(g.spec.dir));

  const jobs = groups.flatMap((g) => g.files.map((file) => ({ file, dir: g.spec.dir })));
  const records = await readAndParse(files, jobs, fileProblems);
  const folders = groups.map(({ spec }) => ({
    dir: spec.dir,
    source: spec.source,
    label: spec.label,
    format: majorityFormat(
      records.filter((r) => r.folder === spec.dir),
      spec.fallback,
    ),
  }));
  return { folders, records: records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), fileProblems };
}

/** The decision folders of a workspace root, with the format new records in each are written in. */
export async function discoverFolders(root: string, options: DiscoverOptions = {}): Promise<DecisionFolder[]> {
  return (await load(root, options)).folders;
}

/** Indexes every record in every decision folder, with parse and cross-record problems. */
export async function scanDecisions(root: string, options: ScanOptions = {}): Promise<DecisionIndex> {
  const { folders, records, fileProblems } = await load(root, options);
  const problems = [...fileProblems, ...records.flatMap((r) => r.problems), ...checkIndex(records, options.today)];
  return { root, folders, records, problems, fileProblems };
}
