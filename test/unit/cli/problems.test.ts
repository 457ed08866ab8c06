// The CLI's one problem printer (src/cli/problems.ts): `file:line: message`, one problem a line.
import assert from 'node:assert/strict';
import { printProblems, problemLine } from '../../../src/cli/problems';
import type { Problem } from '../../../src/core/shared/problem';

const problem = (file: string, line: number, message: string): Problem => ({ file, line, severity: 'warning', code: 'test', message });

describe('CLI problem lines', () => {
  it('file:line: message, with the line 1-based', () => {
    assert.equal(problemLine(problem('docs/decisions/0001-x.md', 0, 'No status')), 'docs/decisions/0001-x.md:1: No status');
    assert.equal(problemLine(problem('.github/team.yml', 11, 'Unknown zone')), '.github/team.yml:12: Unknown zone');
  });

  it('a file name or message from the repository cannot forge or hide a line', () => {
    const line = problemLine(problem('evil\x1b]0;x\x07.md', 2, 'fine\ndocs/real.md:3: all good'));
    assert.equal(line, 'evil\\u001b]0;x\\u0007.md:3: fine\\ndocs/real.md:3: all good');
    assert.ok(!line.includes('\n'));
  });

  it('prints every problem in one write, in the order given; nothing for none', () => {
    const writes: string[] = [];
    printProblems([problem('b.md', 4, 'second'), problem('a.md', 0, 'first')], (s) => writes.push(s));
    assert.deepEqual(writes, ['b.md:5: second\na.md:1: first\n']);
    printProblems([], (s) => writes.push(s));
    assert.equal(writes.length, 1);
  });
});
