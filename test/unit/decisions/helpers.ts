// Shared helpers for the decision-record unit tests. Fixtures are read from the source tree (tests run
// from the repository root, so process.cwd() is the root).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseRecord } from '../../../src/core/decisions';
import type { DecisionFolder, DecisionRecord } from '../../../src/core/decisions';

export const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/decisions');

export function fixtureRoot(repo: 'adr-tools' | 'log4brains' | 'native' | 'broken'): string {
  return path.join(FIXTURES, repo);
}

/** Raw text of a fixture file, no newline conversion. */
export function readFixture(repo: string, file: string): string {
  return readFileSync(path.join(FIXTURES, repo, file), 'utf8');
}

/** Every .md file under a fixture repo, root-relative with forward slashes. */
export function markdownFiles(repo: string): string[] {
  const root = path.join(FIXTURES, repo);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = dir ? `${dir}/${name}` : name;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.md')) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** Parses a fixture record, with its folder taken from its path. */
export function parseFixture(repo: string, file: string): { record: DecisionRecord; text: string } {
  const text = readFixture(repo, file);
  return { record: parseRecord(text, file, path.posix.dirname(file)), text };
}

export function folder(dir: string, format: DecisionFolder['format'], source: DecisionFolder['source'] = 'default', label = ''): DecisionFolder {
  return { dir, format, source, label };
}

/** Joins lines with '\n' and a final newline: expected texts read like the files they describe. */
export function lines(...xs: string[]): string {
  return `${xs.join('\n')}\n`;
}

/** mulberry32: a small seeded PRNG, so a generated input that breaks a test can be reproduced. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
