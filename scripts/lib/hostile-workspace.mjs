// A workspace a stranger might hand you, built at run time next to the integration workspace (never
// committed: symlinks, FIFOs and 3 MB files): a few valid records, standups, a team file and an issue
// form, plus links to /dev/zero, /dev/urandom, /dev/stdin and to files outside the folder, FIFOs, a
// huge record and team file, a deeply nested template. test/integration-hostile/ opens it in a real
// VS Code, trusted and in Restricted Mode.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Planted outside the workspace: it must never appear in anything the extension shows. */
export const HOSTILE_CANARY = 'CANARYoutsideTHEworkspace';
export const HOSTILE_DAY = '2026-11-24';

/** Makes the hostile workspace in `workspace` (an empty folder) and the files it links to in `outside`. */
export function makeHostileWorkspace(workspace, outside) {
  const write = (root, rel, text) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const link = (rel, target) => {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true });
    rmSync(join(workspace, rel), { force: true });
    symlinkSync(target, join(workspace, rel));
  };
  const fifo = (rel) => {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true });
    execFileSync('mkfifo', [join(workspace, rel)]);
  };
  const day = HOSTILE_DAY;
  write(outside, 'secret.md', `---\nstatus: proposed\n---\n# ${HOSTILE_CANARY} record\n`);
  write(outside, 'standup.md', `---\nauthor: bob\ndate: ${day}\n---\n## Done\n- ${HOSTILE_CANARY}\n`);
  write(outside, 'template.yml', `name: ${HOSTILE_CANARY}\ndescription: x\nbody:\n  - type: input\n    id: a\n    attributes: { label: ${HOSTILE_CANARY} }\n`);
  write(outside, 'decision.md', `# ${HOSTILE_CANARY} template\n`);
  write(outside, `day/dave.md`, `---\nauthor: dave\ndate: 2026-11-23\n---\n## Done\n- ${HOSTILE_CANARY}\n`);

  write(
    workspace,
    '.github/team.yml',
    'team: Ledger\nmembers:\n  - github: alice\n    name: Alice Ng\n    timezone: Europe/Berlin\n' +
      '  - github: bob\n    name: Bob Alvarez\n    timezone: America/New_York\n  - github: carol\n    timezone: Asia/Kathmandu\n',
  );
  write(workspace, 'docs/decisions/0001-use-postgres.md', '---\nstatus: accepted\ndate: 2026-11-20\nowner: alice\n---\n# Use Postgres\n\n## Context\n\nx\n');
  write(workspace, 'docs/decisions/0002-use-kafka.md', '---\nstatus: proposed\ndate: 2026-11-21\nowner: bob\n---\n# Use Kafka\n');
  write(workspace, `docs/standups/${day}/alice.md`, `---\nauthor: alice\ndate: ${day}\n---\n## Done\n- Ledger export\n## Next\n- Review\n## Blockers\n`);
  write(
    workspace,
    '.github/ISSUE_TEMPLATE/bug.yml',
    'name: Bug\ndescription: A bug\nbody:\n  - type: textarea\n    id: what\n    attributes: { label: What happened? }\n',
  );
  // The hostile part.
  link('docs/decisions/0009-zero.md', '/dev/zero');
  link('docs/decisions/0010-stdin.md', '/dev/stdin');
  link('docs/decisions/0011-outside.md', join(outside, 'secret.md'));
  link('docs/decisions/0012-passwd.md', '/etc/passwd');
  fifo('docs/decisions/0013-fifo.md');
  write(workspace, 'docs/decisions/0014-huge.md', `# Huge\n\n${'lorem ipsum '.repeat(260_000)}`);
  link(`docs/standups/${day}/bob.md`, '/dev/urandom');
  link(`docs/standups/${day}/erin.md`, join(outside, 'standup.md'));
  fifo(`docs/standups/${day}/carol.md`);
  link('docs/standups/2026-11-23', join(outside, 'day'));
  link('.github/ISSUE_TEMPLATE/evil.yml', join(outside, 'template.yml'));
  fifo('.github/ISSUE_TEMPLATE/fifo.yml');
  write(workspace, '.github/ISSUE_TEMPLATE/deep.yml', `name: Deep\ndescription: x\nbody: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
  link('docs/templates/decision.md', join(outside, 'decision.md'));
  // A second team file, 2 MB, for the test that points asyncDesk.teamFile at it.
  write(workspace, 'docs/huge-team.yml', `members:\n${'  - github: someone\n    timezone: UTC\n'.repeat(60_000)}`);
}
