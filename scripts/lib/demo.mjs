// The demo workspace, dated to the week it is opened in. demo/ is written as one story around its last
// standup day (Fri 20 Nov 2026 as committed); copied as it is, anyone trying it later would see an
// empty digest and a stale team. `copyDemo` copies it and moves every story date by working days, so
// that the last standup day becomes today (or the last weekday, at a weekend) and each weekday stays
// a weekday, in order: Wed–Thu–Fri standups land on the last three working days. Dates in examples/ (sample
// records in other formats) and the team file's public-holiday calendars stay as written.
//
// `shareDemo` then makes the copy a git clone of a local bare repository (issue 13: standups travel on
// the `async-desk` branch of origin) and has a second clone post one or two teammates' standups of
// today there with the CLI, so that your own post says "Posted" and theirs are in the digest.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, repoRoot } from './util.mjs';

const DAY = 86_400_000;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday (day 0 = Thu 1 Jan 1970). */
const weekdayOf = (day) => (((day + 4) % 7) + 7) % 7;
/** Weekdays (Mon–Fri) from day 0 up to `day`, for Mon–Fri days: consecutive weekdays differ by 1. */
const weekdayIndex = (day) => {
  const monday = day - ((weekdayOf(day) + 6) % 7);
  return ((monday - 4) / 7) * 5 + ((weekdayOf(day) + 6) % 7);
};
const dayOfWeekdayIndex = (index) => {
  const week = Math.floor(index / 5);
  return week * 7 + 4 + (index - week * 5);
};

/** The machine's local date, 'YYYY-MM-DD'. */
export function localToday(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The day the story's last standup day moves to: today, or the Friday before on a weekend. */
export function anchorDay(today) {
  const day = dayOf(today);
  const weekday = weekdayOf(day);
  return isoOf(weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day);
}

/**
 * The date mover: maps a story date to its date in the week of `today`. Weekdays move by working days
 * relative to `storyDay` (the last standup day), so each lands on a weekday, in the same order; a weekend
 * date (a review-by on a Sunday, say) moves with the Friday before it.
 */
export function dateMover(storyDay, today) {
  const shift = weekdayIndex(dayOf(anchorDay(today))) - weekdayIndex(dayOf(storyDay));
  return (iso) => {
    const day = dayOf(iso);
    if (!Number.isFinite(day)) return iso;
    const weekday = weekdayOf(day);
    const friday = weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day;
    return isoOf(dayOfWeekdayIndex(weekdayIndex(friday) + shift));
  };
}

/** Moves the dates of one demo file's text; `holidays:` calendars in the team file are kept. */
export function redateText(text, move, { keepHolidays = false } = {}) {
  if (!keepHolidays) return text.replace(ISO_DATE, (iso) => move(iso));
  let inHolidays = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\S/.test(line)) inHolidays = /^holidays\s*:/.test(line);
      return inHolidays || /^\s*holidays\s*:/.test(line) ? line : line.replace(ISO_DATE, (iso) => move(iso));
    })
    .join('\n');
}

/** The last standup day of a demo tree (the day its story is told from), or undefined. */
export function storyDayOf(demoDir) {
  const standups = join(demoDir, 'docs', 'standups');
  if (!existsSync(standups)) return undefined;
  return readdirSync(standups)
    .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
    .sort()
    .at(-1);
}

/**
 * Copies demo/ to `dest` (which must not exist yet) with its story moved to the week of `today`.
 * Returns what was written: the anchor day and a hash per file (to tell later whether the copy was edited).
 */
export function copyDemo(src, dest, today = localToday()) {
  mkdirSync(dest, { recursive: true });
  cpSync(src, dest, { recursive: true });
  const storyDay = storyDayOf(src);
  const anchor = anchorDay(today);
  if (storyDay) {
    const move = dateMover(storyDay, today);
    for (const rel of listFiles(dest, (f) => /\.(md|ya?ml)$/i.test(f) && !f.startsWith('examples/'))) {
      const file = join(dest, rel);
      const text = readFileSync(file, 'utf8');
      const moved = redateText(text, move, { keepHolidays: rel === '.github/team.yml' });
      if (moved !== text) writeFileSync(file, moved);
    }
    const standups = join(dest, 'docs', 'standups');
    // Latest first, so a day never moves onto a folder that has not moved yet.
    const days = readdirSync(standups)
      .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
      .sort()
      .reverse();
    const forward = move(storyDay) > storyDay;
    for (const day of forward ? days : days.reverse()) renameSync(join(standups, day), join(standups, move(day)));
  }
  return { anchor, files: hashes(dest) };
}

/** sha1 of every file below dir, by relative path; git's own storage (.git/) is not the copy's content. */
export function hashes(dir) {
  const out = {};
  for (const rel of listFiles(dir, (f) => !f.startsWith('.git/')))
    if (statSync(join(dir, rel)).isFile())
      out[rel] = createHash('sha1')
        .update(readFileSync(join(dir, rel)))
        .digest('hex');
  return out;
}

/** Whether a copy still holds exactly the files copyDemo wrote (nothing edited, added or removed). */
export function untouched(dir, written) {
  const now = hashes(dir);
  const keys = Object.keys(written);
  return keys.length === Object.keys(now).length && keys.every((k) => now[k] === written[k]);
}

// ---- sharing over git (issue 13) ----------------------------------------------------------------

/** Who the demo is seen as (demo/README.md: "set asyncDesk.me to alice"): never one of the teammates who post. */
export const DEMO_VIEWER = 'alice';
/** The identity of your demo clone's commits (local config: git may have no global user identity). */
export const DEMO_USER_IDENTITY = { name: 'Async Desk demo user', email: 'demo-user@example.com' };
/** The identity of the teammates' clone: a commit on the sharing branch by anyone else is yours. */
export const DEMO_TEAMMATES_IDENTITY = { name: 'Async Desk demo teammates', email: 'demo-teammates@example.com' };

/** Teammates' standups of "today", in the order they are picked (no dates inside: any day fits). */
const TEAMMATE_STANDUPS = {
  bob: {
    done: ['10x load test overnight: p99 212 ms at 6,500 postings/s, numbers in #236 for @alice'],
    next: ['Relay spike with @carol: the outbox poller under the 10x load'],
    blockers: [],
  },
  erin: {
    done: ['JPY pilot merchant onboarding call: notes and open questions in #243'],
    next: ["Zero-decimal currencies (JPY, KRW) in @dave's amount formatting examples"],
    blockers: ['Settlement fee schedule for the JPY pilot from the PSP account manager'],
  },
  dave: {
    done: ['Amount formatting for ja-JP and ar-KW behind a flag (#240)'],
    next: ['Review ADR-0007 with @carol'],
    blockers: [],
  },
  farah: {
    done: ['Webhook reconciliation record written up as a proposal'],
    next: ['Plan the one-month parallel run with @alice'],
    blockers: [],
  },
  carol: {
    done: ['Topic ACLs for `ledger.entries.v1` granted by the platform team'],
    next: ['Relay spike with @bob'],
    blockers: [],
  },
};
const ANY_STANDUP = { done: ['Worked through the review queue'], next: ['Pick up the next ledger ticket'], blockers: [] };

/** A standup file's text (front matter is filled in by `standup post`). */
export function standupText({ done, next, blockers }) {
  const items = (list, prefix = '') => list.map((t) => `- ${prefix}${t}\n`).join('');
  return `## Done\n${items(done)}## Next\n${items(next)}## Blockers\n${items(blockers, '[ ] ')}`;
}

/** 'YYYY-MM-DD' of an instant in an IANA time zone. */
export function dateInZone(zone, now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// No prompt can hang a script; messages in English (the CLI and the extension parse git's).
const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' });

/** git in cwd; throws with git's message. */
export function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Whether a git command succeeds (a ref exists, a remote is set…). */
const gitOk = (cwd, ...args) => spawnSync('git', args, { cwd, env: gitEnv(), stdio: 'ignore' }).status === 0;

/** The extension's CLI (dist/cli.js), as a teammate runs it: { code, stdout, stderr }. */
export function runCli(cliPath, args) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { env: gitEnv(), encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr || (r.error ? String(r.error) : '') };
}

function setIdentity(repo, { name, email }) {
  git(repo, 'config', 'user.name', name);
  git(repo, 'config', 'user.email', email);
  git(repo, 'config', 'commit.gpgsign', 'false');
}

/** The `standups --json` digest of a day as the clone reads it, by lower-case login. */
function digestOf(cliPath, root, date) {
  const r = runCli(cliPath, ['standups', '--root', root, '--date', date, '--json']);
  if (r.code !== 0) throw new Error(`async-desk standups --date ${date} failed (${r.code}): ${r.stderr.trim()}`);
  return new Map(JSON.parse(r.stdout).map((e) => [e.github.toLowerCase(), e]));
}

/**
 * Makes the demo copy `workspace` a clone whose `origin` is the bare repository `remote` (created with
 * the project committed on `main`), and has a second clone, `teammateClone`, post one or two teammates'
 * standups of today onto the sharing branch with the CLI (`standup post`), then fetches that branch into
 * `workspace`: your own post from the Today panel goes out and says "Posted", and the teammates' posts
 * are in the digest from the start.
 *
 * "Today" is each teammate's own date in their zone from the team file, now (the last weekday's at a
 * weekend, as the demo's story is dated). Teammates whose today is the demo's day (`anchorDay(today)`)
 * are picked first, never the viewer (alice), nor anyone away, off that day or with a standup of that
 * day in the working tree already (the story's). When nobody's today is the demo's day (their day has
 * not begun yet), the first who may post on it does so (written ahead), so the digest shows a post.
 *
 * Idempotent: run it again (the next `npm start`) and it reuses the repositories; a post that is
 * already on the branch is not posted again. A workspace without .git gets new repositories (the bare
 * repository and the teammates' clone of an earlier copy are removed). Returns what it did.
 * @param {string} workspace the demo copy (copyDemo)
 * @param {{ remote: string, teammateClone: string, today?: string, now?: Date, cli?: string, viewer?: string }} o
 * @returns {{ remote: string, teammateClone: string, day: string, head: string, problems: string[],
 *   posted: { login: string, date: string, file: string, done: string[], early: boolean }[] }}
 */
export function shareDemo(
  workspace,
  { remote, teammateClone, today = localToday(), now = new Date(), cli = join(repoRoot, 'dist', 'cli.js'), viewer = DEMO_VIEWER },
) {
  if (!existsSync(cli)) throw new Error(`${cli} does not exist: build first (node scripts/build.mjs)`);
  const problems = [];
  if (!existsSync(join(workspace, '.git'))) {
    // A new copy: the repositories of an earlier one would not share its history.
    rmSync(remote, { recursive: true, force: true });
    rmSync(teammateClone, { recursive: true, force: true });
    git(workspace, 'init', '-q', '-b', 'main');
    setIdentity(workspace, DEMO_USER_IDENTITY);
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '--no-verify', '-m', 'ledger-service: decision records, team file and standups (Async Desk demo)');
  }
  if (!existsSync(remote)) {
    mkdirSync(remote, { recursive: true });
    git(remote, 'init', '-q', '--bare', '-b', 'main');
  }
  if (gitOk(workspace, 'remote', 'get-url', 'origin')) git(workspace, 'remote', 'set-url', 'origin', remote);
  else git(workspace, 'remote', 'add', 'origin', remote);
  if (!gitOk(remote, 'rev-parse', '--verify', '-q', 'refs/heads/main')) git(workspace, 'push', '-q', '--no-verify', '-u', 'origin', 'main');

  if (!existsSync(teammateClone)) {
    git(tmpdir(), 'clone', '-q', remote, teammateClone);
    setIdentity(teammateClone, DEMO_TEAMMATES_IDENTITY);
  } else if (!gitOk(teammateClone, 'pull', '-q', '--ff-only')) problems.push(`could not update ${teammateClone} from ${remote}`);

  // Who posts: from the team as the CLI reads it (zones, away days, working days, the story's files).
  const day = anchorDay(today);
  const digests = new Map();
  const digest = (date) => {
    if (!digests.has(date)) digests.set(date, digestOf(cli, teammateClone, date));
    return digests.get(date);
  };
  const order = Object.keys(TEAMMATE_STANDUPS);
  const rank = (login) => (order.includes(login) ? order.indexOf(login) : order.length);
  const teammates = [...digest(day).values()]
    .filter((e) => e.github.toLowerCase() !== viewer.toLowerCase() && e.timezone)
    .sort((a, b) => rank(a.github.toLowerCase()) - rank(b.github.toLowerCase()));
  /** Whether a teammate may post on `date`: at work, and no standup of that day outside the branch. */
  const mayPost = (login, date) => {
    const e = digest(date).get(login);
    if (!e || e.status === 'away' || e.detail === 'not a working day') return false;
    return !(e.status === 'posted' && e.file && existsSync(join(teammateClone, e.file)));
  };
  let picks = teammates
    .map((e) => ({ login: e.github.toLowerCase(), date: anchorDay(dateInZone(e.timezone, now)), early: false }))
    .filter((p) => p.date === day && mayPost(p.login, p.date))
    .slice(0, 2);
  if (picks.length === 0)
    picks = teammates
      .map((e) => ({ login: e.github.toLowerCase(), date: day, early: true }))
      .filter((p) => mayPost(p.login, p.date))
      .slice(0, 1);

  const posted = [];
  const scratch = mkdtempSync(join(tmpdir(), 'async-desk-demo-post-'));
  try {
    for (const pick of picks) {
      const standup = TEAMMATE_STANDUPS[pick.login] ?? ANY_STANDUP;
      const file = join(scratch, `${pick.login}.md`);
      writeFileSync(file, standupText(standup));
      const r = runCli(cli, ['standup', 'post', '--root', teammateClone, '--author', pick.login, '--date', pick.date, '--file', file]);
      if (r.code === 0) posted.push({ ...pick, file: `docs/standups/${pick.date}/${pick.login}.md`, done: standup.done });
      else problems.push(`@${pick.login}'s standup of ${pick.date} was not posted (exit ${r.code}): ${r.stderr.trim()}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Your clone reads the branch as last fetched: fetch it now, so the digest has the posts at once.
  if (gitOk(remote, 'rev-parse', '--verify', '-q', 'refs/heads/async-desk') && !gitOk(workspace, 'fetch', '-q', 'origin'))
    problems.push(`could not fetch ${remote} into ${workspace}`);
  return { remote, teammateClone, day, head: git(workspace, 'rev-parse', 'HEAD').trim(), posted, problems };
}

/**
 * Whether nothing of yours is in the demo's repositories beyond what shareDemo made: HEAD is still
 * `head`, nothing waits in the clone's queue of posts, and every commit on the sharing branch of
 * `remote` is the teammates' clone's (a post from the Today panel is yours). True without a clone.
 */
export function sharingUntouched(workspace, remote, head) {
  if (!existsSync(join(workspace, '.git'))) return true;
  if (head && git(workspace, 'rev-parse', 'HEAD').trim() !== head) return false;
  const queue = join(workspace, '.git', 'async-desk', 'queue');
  if (existsSync(queue) && readdirSync(queue).some((name) => name.endsWith('.json'))) return false;
  if (!existsSync(remote) || !gitOk(remote, 'rev-parse', '--verify', '-q', 'refs/heads/async-desk')) return true;
  const emails = git(remote, 'log', '--format=%ae', 'refs/heads/async-desk').trim().split('\n');
  return emails.every((email) => email === DEMO_TEAMMATES_IDENTITY.email);
}
