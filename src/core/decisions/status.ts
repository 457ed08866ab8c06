// Status words as written in the three formats, and back.
import { capitalize } from '../shared/text';
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
  const m = /^[*_~`"']*([A-Za-z]+)(?![A-Za-z0-9-])(?:\s+([A-Za-z]+)(?![A-Za-z0-9-]))?/.exec(s);
  let word = m?.[1]?.toLowerCase();
  if (!word) return null;
  // "Partly superseded by …": the record is superseded (statusText keeps the words).
  if ((word === 'partly' || word === 'partially') && m?.[2]) word = m[2].toLowerCase();
  const normalized = SYNONYMS[word] ?? word;
  return KNOWN.has(normalized) ? (normalized as DecisionStatus) : null;
}

/** Words teams write for a known status. adr-tools spells it "Superceded". */
const SYNONYMS: Record<string, DecisionStatus> = {
  superceded: 'superseded',
  proposal: 'proposed',
  approved: 'accepted',
  adopted: 'accepted',
  declined: 'rejected',
  obsolete: 'deprecated',
};

/**
 * The author's status words without links and relations: 'Accepted; supersedes ADR-0045' -> 'Accepted',
 * 'Partially superseded by [ADR 17](…)' -> 'Partially superseded', '[Proposed](https://…)' -> 'Proposed',
 * 'On hold' -> 'On hold'. '' when nothing is left.
 */
export function statusPhrase(raw: string | null | undefined): string {
  if (!raw) return '';
  let s = raw.trim();
  const wrapped = /^\[([^\]]*)\]\([^)]*\)/.exec(s);
  if (wrapped) s = wrapped[1]!;
  s = s.split(/[[(;,:<]|\s[-–—]\s|\.(?:\s|$)/)[0]!;
  s = s.replace(/\s+(?:by|to|in favou?r of)\b.*$/i, '');
  s = s
    .replace(/[*_~`"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/**
 * The word to write for a status in a record's own style: adr-tools capitalises ("Accepted") and spells
 * "Superceded"; MADR and log4brains use lower case. `styleFrom` is the status as currently written, whose
 * capitalisation wins when present.
 */
export function statusWord(status: DecisionStatus, format: RecordFormat, styleFrom?: string | null): string {
  const word = format === 'nygard' && status === 'superseded' ? 'superceded' : status;
  const first = styleFrom
    ?.trim()
    .replace(/^[^A-Za-z]+/, '')
    .charAt(0);
  const upper = first ? first !== first.toLowerCase() : format === 'nygard';
  return upper ? capitalize(word) : word;
}
