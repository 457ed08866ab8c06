// What the Today panel says about sharing (src/core/sharing/statusLines.ts): the line under the
// composer (where your post went, with Retry or Post) and the digest header's "Synced 2 min ago".
// A table of every state the editor can be in, then fast-check properties: the button follows the
// tone, and "Synced …" never says more (or less) time than has passed. No clock is read here.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { composerSharingLine, syncedAgo, type ComposerSharingInput, type SharingLine } from '../../../src/core/sharing/statusLines';
import { runs } from '../propertyRuns';

const SHARED = { kind: 'shared', branch: 'async-desk', remote: 'origin' } as const;
const NO_REMOTE = { kind: 'not-shared', short: 'no remote', message: 'The repository has no remote "origin": standups stay in the working tree.' } as const;
const OFFLINE = { reason: 'offline', message: 'Could not reach origin: the post is kept and goes out with the next sync.', conflict: false };

describe('sharing: the Today panel status lines', () => {
  describe('composerSharingLine', () => {
    const cases: [label: string, input: ComposerSharingInput, expected: SharingLine | undefined][] = [
      ['still loading: nothing', { sharing: { kind: 'loading' }, source: 'branch', postedAt: '10:42' }, undefined],
      [
        'no remote',
        { sharing: NO_REMOTE, source: 'worktree' },
        { text: 'Not shared: no remote', title: 'The repository has no remote "origin": standups stay in the working tree.', tone: 'off' },
      ],
      [
        'sharing off: whatever the source',
        { sharing: { kind: 'not-shared', short: 'sharing is off', message: 'Off in the team file.' }, source: 'queue', waiting: OFFLINE },
        { text: 'Not shared: sharing is off', title: 'Off in the team file.', tone: 'off' },
      ],
      [
        'posted from this window',
        { sharing: SHARED, source: 'branch', postedAt: '10:42' },
        { text: 'Posted · 10:42 (async-desk)', title: 'Your standup is on the async-desk on origin branch: the team sees it.', tone: 'ok' },
      ],
      [
        'on the branch, posted elsewhere',
        { sharing: SHARED, source: 'branch' },
        { text: 'Posted (async-desk)', title: 'Your standup is on the async-desk on origin branch: the team sees it.', tone: 'ok' },
      ],
      [
        'another branch and remote are named as they are',
        { sharing: { kind: 'shared', branch: 'team/standups', remote: 'upstream' }, source: 'branch', postedAt: '08:05' },
        { text: 'Posted · 08:05 (team/standups)', title: 'Your standup is on the team/standups on upstream branch: the team sees it.', tone: 'ok' },
      ],
      [
        'waiting: offline, with Retry',
        { sharing: SHARED, source: 'queue', waiting: OFFLINE },
        { text: 'Waiting to be posted: offline', title: OFFLINE.message, tone: 'waiting', action: 'retry' },
      ],
      [
        'waiting: another revision on the branch, with Post (the author chooses)',
        {
          sharing: SHARED,
          source: 'queue',
          waiting: { reason: 'another revision on async-desk', message: 'Posted from another machine?', conflict: true },
        },
        { text: 'Waiting to be posted: another revision on async-desk', title: 'Posted from another machine?', tone: 'waiting', action: 'post' },
      ],
      [
        'waiting, never tried (saved in the file): Post',
        {
          sharing: SHARED,
          source: 'queue',
          waiting: { reason: 'not posted yet', message: 'Saved in the file; goes out with the next sync.', conflict: false },
        },
        { text: 'Waiting to be posted: edited in the file', title: 'Saved in the file; goes out with the next sync.', tone: 'waiting', action: 'post' },
      ],
      [
        'in the queue, no reason known',
        { sharing: SHARED, source: 'queue' },
        { text: 'Waiting to be posted', title: 'Goes out to async-desk on origin with the next sync.', tone: 'waiting', action: 'retry' },
      ],
      [
        'only in the working tree',
        { sharing: SHARED, source: 'worktree' },
        {
          text: 'Not posted yet: only in your working tree',
          title: 'Saving posts it to async-desk on origin; the file in the working tree stays as it is.',
          tone: 'waiting',
          action: 'post',
        },
      ],
      [
        'nothing yet',
        { sharing: SHARED, source: 'none' },
        { text: 'Posts go to async-desk', title: 'Saving commits your standup to the async-desk on origin branch and pushes it.', tone: 'ok' },
      ],
      [
        'a stale waiting reason is not shown once the post is on the branch',
        { sharing: SHARED, source: 'branch', waiting: OFFLINE, postedAt: '10:42' },
        { text: 'Posted · 10:42 (async-desk)', title: 'Your standup is on the async-desk on origin branch: the team sees it.', tone: 'ok' },
      ],
    ];
    for (const [label, input, expected] of cases) {
      it(label, () => assert.deepEqual(composerSharingLine(input), expected));
    }

    const word = fc.stringMatching(/^[a-z][a-z0-9/-]{0,15}$/);
    const inputArb: fc.Arbitrary<ComposerSharingInput> = fc.record(
      {
        sharing: fc.oneof(
          fc.constant({ kind: 'loading' as const }),
          fc.record({ kind: fc.constant('not-shared' as const), short: word, message: fc.string() }),
          fc.record({ kind: fc.constant('shared' as const), branch: word, remote: word }),
        ),
        source: fc.constantFrom('none' as const, 'worktree' as const, 'queue' as const, 'branch' as const),
        waiting: fc.record({ reason: fc.oneof(fc.constant('not posted yet'), word), message: fc.string(), conflict: fc.boolean() }),
        postedAt: fc.stringMatching(/^[0-2]\d:[0-5]\d$/),
      },
      { requiredKeys: ['sharing', 'source'] },
    );

    it('property: a button exactly when waiting; Retry only for a queued post; the branch named where the post goes (3,000 inputs)', () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const line = composerSharingLine(input);
          const where = JSON.stringify(input);
          if (input.sharing.kind === 'loading') return assert.equal(line, undefined, where);
          assert.ok(line, where);
          assert.equal(line.action !== undefined, line.tone === 'waiting', `a button exactly when waiting: ${where}`);
          assert.equal(line.tone === 'off', input.sharing.kind === 'not-shared', where);
          if (line.action === 'retry') assert.equal(input.source, 'queue', where);
          if (input.source === 'queue' && input.sharing.kind === 'shared') assert.match(line.text, /^Waiting to be posted/, where);
          if (input.sharing.kind === 'shared' && (input.source === 'branch' || input.source === 'none')) {
            assert.equal(line.tone, 'ok', where);
            assert.ok(line.text.endsWith(input.source === 'branch' ? `(${input.sharing.branch})` : input.sharing.branch), where);
            assert.ok(line.title.includes(`${input.sharing.branch} on ${input.sharing.remote}`), where);
          }
          assert.ok(!line.text.includes('\n'), `one line: ${where}`);
        }),
        runs(3_000, 42_424),
      );
    });
  });

  describe('syncedAgo', () => {
    const S = 1_000;
    const M = 60 * S;
    const H = 60 * M;
    const D = 24 * H;
    it('just now, minutes, hours, then days (table)', () => {
      const cases: [elapsed: number, text: string][] = [
        [0, 'Synced just now'],
        [59 * S + 999, 'Synced just now'],
        [M, 'Synced 1 min ago'],
        [2 * M + 30 * S, 'Synced 2 min ago'],
        [59 * M + 59 * S, 'Synced 59 min ago'],
        [H, 'Synced 1 h ago'],
        [3 * H + 59 * M, 'Synced 3 h ago'],
        [47 * H + 59 * M, 'Synced 47 h ago'],
        [2 * D, 'Synced 2 days ago'],
        [9 * D + 23 * H, 'Synced 9 days ago'],
        [400 * D, 'Synced 400 days ago'],
        // A clock that went back (a sync "in the future"): just now, never a negative age.
        [-5 * M, 'Synced just now'],
      ];
      const last = Date.UTC(2026, 10, 21, 9, 30);
      for (const [elapsed, text] of cases) assert.equal(syncedAgo(last, last + elapsed), text, `${elapsed} ms`);
    });

    it('property: the age said is the time passed, rounded down in its unit (5,000 cases)', () => {
      const unit = { min: M, h: H, days: D } as const;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 0, max: 3_000 * D }), (last, elapsed) => {
          const text = syncedAgo(last, last + elapsed);
          const m = /^Synced (?:just now|(\d+) (min|h|days) ago)$/.exec(text);
          assert.ok(m, text);
          if (!m[1]) return assert.ok(elapsed < M, `${text} after ${elapsed} ms`);
          const n = Number(m[1]);
          const size = unit[m[2] as keyof typeof unit];
          assert.ok(n * size <= elapsed && elapsed < (n + 1) * size, `${text} after ${elapsed} ms`);
          // The largest unit that fits: minutes under an hour, hours under two days.
          if (m[2] === 'min') assert.ok(n >= 1 && n < 60, text);
          if (m[2] === 'h') assert.ok(n >= 1 && n < 48, text);
          if (m[2] === 'days') assert.ok(n >= 2, text);
        }),
        runs(5_000, 60_000),
      );
    });
  });
});
