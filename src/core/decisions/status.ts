// Status words as written in the three formats, and back.
import { capitalize } from '../text';
import { STATUSES, type DecisionStatus, type RecordFormat } from './types';

const KNOWN = new Set<string>(STATUSES);

/**
 * 'Accepted', 'superseded by ADR-0123', 'Superceded by [12. Foo](0012-foo.md)', '[Proposed](https://…)',
 * '**Deprecated**' -> the normalized status; null when the first word is not a known status.
 */
export function normalizeStatus(raw: string | null | undefined): DecisionStatus | null {
  if (!raw) return null;
  let s = raw.trim();
  // A status that is itself a link, e.g. "[Proposed](https://github.com/o/r/pull/614)".
  const wrapped = /^\[([^\]]*)\]\([^)]*\)/.exec(s);
  if (wrapped) s = wrapped[1]!;
  // The word must end there: 'accepted-ish' and 'acceptedness' are not statuses.
  const word = /^[*_~`"']*([A-Za-z]+)(?![A-Za-z0-9-])/.exec(s)?.[1]?.toLowerCase();
  if (!word) return null;
  // adr-tools spells it "Superceded"; accept both.
  const normalized = word === 'superceded' ? 'superseded' : word;
  return KNOWN.has(normalized) ? (normalized as DecisionStatus) : null;
}

/**
 * The word to write for a status in a record's own style: adr-tools capitalises ("Accepted") and spells
 * "Superceded"; MADR and log4brains use lower case. `styleFrom` is the status as currently written, whose
 * capitalisation wins when present.
 */
export function statusWord(status: DecisionStatus, format: RecordFormat, styleFrom?: string | null): string {
  const word = format === 'nygard' && status === 'superseded' ? 'superceded' : status;
  const first = styleFrom?.trim().replace(/^[^A-Za-z]+/, '').charAt(0);
  const upper = first ? first !== first.toLowerCase() : format === 'nygard';
  return upper ? capitalize(word) : word;
}
