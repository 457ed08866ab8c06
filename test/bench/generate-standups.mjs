// Writes a synthetic standups corpus for `npm run bench`: a team file of `members` people in zones
// around the world and `count` standups in docs/standups/YYYY-MM-DD/<login>.md (SPEC §2.3), going
// back from `end` over working days (Mon-Fri). Like a real team's: about one day in twenty someone
// does not post, and blockers stay open for a few days (naming a teammate) before they are ticked,
// so digests have blocker ages to compute and runs that gaps break.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Africa/Lagos',
  'America/St_Johns',
  'UTC',
];
const WORDS =
  'ledger export migration cache queue postgres kafka grpc retries idempotency tracing metrics dashboard runbook alerts replica backfill webhook schema review'.split(
    ' ',
  );
const DAY = 86_400_000;

const pick = (arr, i) => arr[((i % arr.length) + arr.length) % arr.length];
const login = (m) => `member-${m}`;
const isoDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);

/** The team file: `members` people, default hours, Mon-Fri, in ZONES. */
export function teamFile(members) {
  const lines = ['team: Bench', 'members:'];
  for (let m = 0; m < members; m++)
    lines.push(`  - github: ${login(m)}`, `    name: Member ${String(m).padStart(3, '0')}`, `    timezone: ${pick(ZONES, m * 7)}`);
  return `${lines.join('\n')}\n`;
}

export function standup(m, d, members) {
  const phase = (d + m) % 9; // blockers: open for 4 working days, ticked on the 5th, then none for 4
  const run = Math.floor((d + m) / 9);
  const blocker = `Review of #${run % 1000} from @${login((m + 1 + (run % 5)) % members)}`;
  const lines = [
    '---',
    `author: ${login(m)}`,
    `date: ${isoDay(d)}`,
    '---',
    '## Done',
    `- Shipped the ${pick(WORDS, d + m)} ${pick(WORDS, d * 3 + m)} (#${(d * 7 + m) % 5000})`,
    `- Reviewed @${login((m + 3) % members)}'s ${pick(WORDS, d + 2 * m)} PR`,
    '## Next',
    `- ${pick(WORDS, d + m + 1)} for the ${pick(WORDS, m)} service`,
    ...(d % 2 ? [`- Pair with @${login((m + 2) % members)} on ${pick(WORDS, d)}`] : []),
    '## Blockers',
    ...(phase < 4 ? [`- [ ] ${blocker}`] : phase === 4 ? [`- [x] ${blocker}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `count` standups of `members` people under root (and the team file); returns the first and
 * last dates written. The last date is `end` (a Friday by default), where everyone but a few posted.
 */
export function generateStandups(root, count = 100_000, { members = 200, end = '2026-11-20' } = {}) {
  mkdirSync(join(root, '.github'), { recursive: true });
  writeFileSync(join(root, '.github', 'team.yml'), teamFile(members));
  let written = 0;
  let d = Math.round(Date.parse(`${end}T00:00:00Z`) / DAY);
  let first = end;
  while (written < count) {
    const weekday = ((d + 3) % 7) + 1; // 1 = Mon
    if (weekday <= 5) {
      const dir = join(root, 'docs', 'standups', isoDay(d));
      mkdirSync(dir, { recursive: true });
      for (let m = 0; m < members && written < count; m++) {
        if ((d * 31 + m * 17) % 20 === 0) continue; // did not post that day
        writeFileSync(join(dir, `${login(m)}.md`), standup(m, d, members));
        written++;
      }
      first = isoDay(d);
    }
    d--;
  }
  return { first, last: end, members };
}
