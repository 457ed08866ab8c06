// Writes a sharing branch for `npm run bench` straight into a bare repository with `git fast-import`
// (seconds, where 100,000 posts through git commands would take an hour): `count` standups of
// `members` people (the same texts as generate-standups.mjs) going back over working days from
// `end`, one commit per day of posts, as a team's branch looks when read a day at a time. Also the
// later posts an incremental sync brings: one commit per post, on top.
import { execFileSync } from 'node:child_process';
import { standup, teamFile } from './generate-standups.mjs';

const DAY = 86_400_000;
const isoDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const login = (m) => `member-${m}`;
const weekday = (d) => ((d + 3) % 7) + 1; // 1 = Mon

function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

/** Working days (day numbers) back from `end`, enough for `count` posts, oldest first. */
function days(count, members, end) {
  const out = [];
  let d = Math.round(Date.parse(`${end}T00:00:00Z`) / DAY);
  let posts = 0;
  while (posts < count) {
    if (weekday(d) <= 5) {
      out.push(d);
      posts += members - Math.floor(members / 20); // about one in twenty does not post
    }
    d--;
  }
  return out.reverse();
}

/**
 * The branch `refs/heads/<branch>` in the bare repository `bare`: a README root commit, then one
 * commit per working day. Returns the number of standups, the first and last dates.
 */
export function generateSharingBranch(bare, { count = 100_000, members = 60, end = '2026-11-20', branch = 'async-desk', env = process.env } = {}) {
  const parts = [];
  let time = 1_600_000_000;
  const commit = (message, from) =>
    `commit refs/heads/${branch}\ncommitter Bench <bench@example.com> ${time++} +0000\n${data(message)}${from ? `from ${from}\n` : ''}`;
  parts.push(commit(`Start the ${branch} branch`), 'M 100644 inline README.md\n', data(`# ${branch}\n`));
  let written = 0;
  const list = days(count, members, end);
  for (const d of list) {
    const files = [];
    for (let m = 0; m < members && written < count; m++) {
      if ((d * 31 + m * 17) % 20 === 0) continue;
      files.push(`M 100644 inline docs/standups/${isoDay(d)}/${login(m)}.md\n${data(standup(m, d, members))}`);
      written++;
    }
    if (files.length) parts.push(commit(`Standups of ${isoDay(d)}`), ...files);
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: bare, env, input: parts.join(''), maxBuffer: 1 << 30 });
  return { count: written, first: isoDay(list[0]), last: isoDay(list[list.length - 1]), members };
}

/** `posts` more standups on `date`, one commit each, on top of the branch (as teammates post them). */
export function addPosts(bare, { date, posts = 50, members = 60, branch = 'async-desk', env = process.env }) {
  const d = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
  const parts = [];
  let time = 1_900_000_000;
  for (let m = 0; m < posts; m++) {
    parts.push(
      `commit refs/heads/${branch}\ncommitter Bench <bench@example.com> ${time++} +0000\n${data(`Standup: @${login(m)}, ${date}`)}`,
      m === 0 ? `from refs/heads/${branch}^0\n` : '',
      `M 100644 inline docs/standups/${date}/${login(m % members)}.md\n${data(standup(m % members, d, members))}`,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: bare, env, input: parts.join('') });
}

export { teamFile };
