// The one shape every reader reports a problem in: decisions, standups, team file, issue templates,
// rituals, and the files themselves (size, encoding). Shown as diagnostics in the editor and printed by
// `async-desk check`.

/** A problem found in a file. Lines are 0-based (as in VS Code); the CLI prints line + 1. */
export interface Problem {
  /** Path relative to the scan root, forward slashes. */
  file: string;
  line: number;
  /** 0-based columns; endColumn may be omitted for "whole line". */
  column?: number;
  endColumn?: number;
  severity: 'error' | 'warning' | 'info';
  /** Stable id for quick fixes and tests, e.g. 'unknown-status', 'missing-title', 'broken-link', 'duplicate-number', 'review-overdue', 'bad-front-matter'. */
  code: string;
  message: string;
}
