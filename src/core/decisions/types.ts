// The decision-record model shared by the extension, the CLI and the tests. Pure data: no vscode import.

/** The three on-disk formats we read and write (SPEC §2.2). */
import type { Problem } from '../shared/problem';

export type RecordFormat = 'madr' | 'nygard' | 'log4brains';

export const STATUSES = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type DecisionStatus = (typeof STATUSES)[number];

/** Where one folder of records lives and how it is numbered. */
export interface DecisionFolder {
  /** Relative to the root, forward slashes, no trailing slash (e.g. 'docs/decisions', 'docs/decisions/backend'). */
  dir: string;
  /** How the folder was found: a setting, '.adr-dir', '.log4brains.yml', a default name, or a MADR category / log4brains package below another folder. */
  source: 'setting' | 'adr-dir' | 'log4brains' | 'default' | 'category' | 'package';
  /** Label for grouping in views: category or package name, '' for the main folder. */
  label: string;
  /** The format new records in this folder are written in: the majority format of its records, 'madr' when empty, 'log4brains' for log4brains folders. */
  format: RecordFormat;
}

export interface DecisionRecord {
  /** Path relative to the scan root, forward slashes. */
  file: string;
  /** The folder (DecisionFolder.dir) the record belongs to; numbering is per folder. */
  folder: string;
  format: RecordFormat;
  /** Record number from the file name (NNNN-...) or the adr-tools title; null for log4brains (date-named) files. */
  number: number | null;
  /** File name stem without number or extension: '0007-use-postgres.md' -> 'use-postgres'. */
  slug: string;
  title: string;
  /**
   * Normalized status ('Proposal' -> proposed, 'Approved' -> accepted, 'Partly superseded' -> superseded),
   * or null when missing/unknown (statusText and rawStatus keep the text).
   */
  status: DecisionStatus | null;
  /**
   * The author's status words, without links or relations: 'Accepted', 'Pending', 'On hold', 'Partly
   * superseded', 'Superceded'. Set whenever a status is written; views show it for statuses outside our set
   * (status null) and where it differs from the normalized status.
   */
  statusText?: string;
  /**
   * The status text as written (a wrapped status paragraph joined by spaces), e.g. 'Accepted',
   * 'superseded by ADR-0012', 'Superceded by [12. Foo](0012-foo.md)'.
   */
  rawStatus: string;
  /** YYYY-MM-DD or null. */
  date: string | null;
  /** One GitHub login (native `owner`), or null. */
  owner: string | null;
  /** `decision-makers` (native) / `Deciders` (log4brains). */
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  /** YYYY-MM-DD or null. */
  reviewBy: string | null;
  reviewTrigger: string | null;
  tags: string[];
  /** Files (relative to the root, forward slashes) this record supersedes / is superseded by. */
  supersedes: string[];
  supersededBy: string[];
  /** '#N' issue references. */
  issues: string[];
  /** Sections by heading text (level 2), with their 0-based line ranges [start heading line, end line exclusive). */
  sections: { heading: string; line: number; endLine: number }[];
  /** 0-based lines of interesting places, for diagnostics, CodeLens and cursor placement. */
  lines: { title: number; status: number | null; date: number | null; reviewBy: number | null };
  /** Problems found while parsing this file (bad front matter, unknown status, missing title). */
  problems: Problem[];
  /** Links to other records as written (supersede links, adr-tools "Amended by" etc.); checkIndex reports broken ones. */
  links?: RecordLink[];
}

/** A link from one record to another, where it is written. */
export interface RecordLink {
  kind: 'supersedes' | 'superseded-by' | 'related';
  /** The relation as written, e.g. 'Superceded by', 'Amended by', 'superseded-by'. */
  label: string;
  /** Root-relative target file, forward slashes; null when the link is by number ('superseded by ADR-0123'). */
  target: string | null;
  /** Record number for links by number (resolved within the record's folder). */
  number?: number;
  /** 0-based line and columns of the link. */
  line: number;
  column?: number;
  endColumn?: number;
}

export interface DecisionIndex {
  root: string;
  folders: DecisionFolder[];
  records: DecisionRecord[];
  /** Parse problems plus cross-record problems (broken links, duplicate numbers, overdue reviews), plus fileProblems. */
  problems: Problem[];
  /** Files and folders that were not read (a link out of the workspace, too large, a device, unreadable, a
   *  configured folder outside the workspace): kept apart so that re-indexing one record keeps them. */
  fileProblems?: Problem[];
}

/** Values for a new record. */
export interface NewRecordInput {
  title: string;
  status?: DecisionStatus;
  /** YYYY-MM-DD; the caller passes today in the user's zone. */
  date: string;
  owner?: string;
  decisionMakers?: string[];
  reviewBy?: string;
  /** Files (relative to the root) the new record supersedes. */
  supersedes?: string[];
}

/** One file write planned by an operation: the caller applies all of them (atomically each). */
export interface FileChange {
  /** Relative to the root, forward slashes. */
  file: string;
  /** New full text; null deletes (used with renameFrom by renumber). */
  text: string | null;
  /** When set, the change renames renameFrom -> file (text is the new content). */
  renameFrom?: string;
  /** True when file must not exist yet (a create); the writer refuses to overwrite. */
  create?: boolean;
}
