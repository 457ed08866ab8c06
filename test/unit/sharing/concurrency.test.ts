// 20 teammates post at the same moment (issue 13): 20 clones, 20 `async-desk standup post` processes
// started together. Every post must land (a rejected push fetches, rebuilds on the new tip and tries
// again), and the bare repository's reflog (core.logAllRefUpdates) must show only fast-forwards:
// nothing was ever force-pushed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, requireBuiltCli } from '../cliHelpers';
import { makeWorld, onlyFastForwards, reflog, type GitWorld } from './gitFixtures';

const PEOPLE = 20;

function post(world: GitWorld, clone: string, login: string): Promise<{ login: string; status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const args = [CLI, 'standup', 'post', '--root', clone, '--author', login, '--date', '2026-11-24', '--file', path.join(world.dir, 'standup.md')];
    const child = spawn(process.execPath, args, { env: world.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('close', (status) => resolve({ login, status, stdout, stderr }));
  });
}

describe('20 teammates posting at the same moment', function () {
  this.timeout(120_000);
  let world: GitWorld;
  const logins = Array.from({ length: PEOPLE }, (_, i) => `member-${i + 1}`);

  before(requireBuiltCli);
  before(() => {
    world = makeWorld(logins);
    writeFileSync(path.join(world.dir, 'standup.md'), '## Done\n- Posted at the same moment as everyone else\n## Next\n## Blockers\n');
  });
  after(() => world.cleanup());

  it('all 20 posts land, one commit each, and the branch only ever moved forward', async () => {
    const clones = logins.map((login) => world.clone(login));
    const started = Date.now();
    const results = await Promise.all(logins.map((login, i) => post(world, clones[i]!, login)));
    const seconds = (Date.now() - started) / 1000;
    assert.deepEqual(
      results.filter((r) => r.status !== 0).map((r) => `${r.login}: exit ${r.status}: ${r.stderr}`),
      [],
    );
    const files = world.git(world.bare, 'ls-tree', '-r', '--name-only', 'async-desk', 'docs/standups/2026-11-24').trim().split('\n');
    assert.deepEqual(files.sort(), logins.map((l) => `docs/standups/2026-11-24/${l}.md`).sort());
    assert.equal(world.git(world.bare, 'rev-list', '--count', 'async-desk').trim(), String(PEOPLE));
    // One root commit (the first post), every other commit has exactly one parent.
    assert.equal(world.git(world.bare, 'rev-list', '--max-parents=0', 'async-desk').trim().split('\n').length, 1);
    assert.equal(world.git(world.bare, 'rev-list', '--min-parents=2', 'async-desk').trim(), '');
    const log = reflog(world, 'refs/heads/async-desk');
    assert.equal(log.length, PEOPLE, 'one reflog entry per landed push');
    assert.ok(onlyFastForwards(world, 'refs/heads/async-desk'), 'a reflog entry that is not a fast-forward');
    // For the record (the test's budget is the mocha timeout).
    console.log(`      20 concurrent posts landed in ${seconds.toFixed(1)} s`);
  });
});
