// Where ritual files go: ISO weeks, per-person weekly updates, dated briefs and retrospectives, and the
// working agreement at the team file's path when that is a file in the workspace.
import assert from 'node:assert/strict';
import { isoWeek, ritualFile, workspacePath, type RitualFileInput } from '../../../src/core/rituals';

const base: RitualFileInput = { recordsDir: 'docs', date: '2026-11-20', author: 'alice', title: 'Faster payouts: phase 2' };

describe('isoWeek', () => {
  it('weeks start on Monday; the week belongs to the year of its Thursday', () => {
    const cases: [string, string][] = [
      ['2026-11-20', '2026-W47'],
      ['2026-11-16', '2026-W47'], // Monday
      ['2026-11-22', '2026-W47'], // Sunday
      ['2026-01-01', '2026-W01'], // Thursday
      ['2026-12-31', '2026-W53'],
      ['2027-01-03', '2026-W53'], // Sunday of the 53rd week
      ['2027-01-04', '2027-W01'],
      ['2024-12-30', '2025-W01'], // Monday in the next ISO year
      ['2021-01-03', '2020-W53'],
    ];
    for (const [date, week] of cases) assert.equal(isoWeek(date), week, date);
  });

  it('null for something that is not a date', () => {
    assert.equal(isoWeek('2026-02-30'), null);
    assert.equal(isoWeek('next week'), null);
  });
});

describe('ritualFile', () => {
  it('sortable, conflict-free names in the records folder', () => {
    assert.equal(ritualFile('weekly-update', base).file, 'docs/updates/2026-W47-alice.md');
    assert.equal(ritualFile('intent-brief', base).file, 'docs/briefs/2026-11-20-faster-payouts-phase-2.md');
    assert.equal(ritualFile('retrospective', base).file, 'docs/retros/2026-11-20-faster-payouts-phase-2.md');
    assert.equal(ritualFile('working-agreement', base).file, 'docs/working-agreement.md');
  });

  it('names that slug to nothing, user names with spaces, and an empty records folder', () => {
    assert.equal(ritualFile('intent-brief', { ...base, title: '???' }).file, 'docs/briefs/2026-11-20-brief.md');
    assert.equal(ritualFile('retrospective', { ...base, title: '' }).file, 'docs/retros/2026-11-20-retrospective.md');
    assert.equal(ritualFile('weekly-update', { ...base, author: 'Jürgen Smith' }).file, 'docs/updates/2026-W47-jurgen-smith.md');
    assert.equal(ritualFile('weekly-update', { ...base, author: '人' }).file, 'docs/updates/2026-W47-author.md');
    assert.equal(ritualFile('working-agreement', { ...base, recordsDir: '' }).file, 'working-agreement.md');
  });

  it("the working agreement at the team file's workingAgreement path, unless that is no workspace file", () => {
    assert.deepEqual(ritualFile('working-agreement', { ...base, workingAgreement: './handbook/agreement.md' }), { file: 'handbook/agreement.md' });
    for (const linked of ['https://wiki.example.com/agreement', '../outside.md', '/etc/agreement.md', 'C:\\agreement.md', 'handbook/']) {
      const result = ritualFile('working-agreement', { ...base, workingAgreement: linked });
      assert.equal(result.file, 'docs/working-agreement.md', linked);
      assert.match(result.note ?? '', /is not a file path inside the workspace folder/, linked);
    }
    assert.deepEqual(ritualFile('working-agreement', { ...base, workingAgreement: '' }), { file: 'docs/working-agreement.md' });
  });
});

describe('workspacePath', () => {
  it('normalises relative paths and refuses ones outside the folder', () => {
    assert.equal(workspacePath('docs/'), 'docs');
    assert.equal(workspacePath('.\\records\\team'), 'records/team');
    assert.equal(workspacePath('a/../b'), 'b');
    assert.equal(workspacePath('.'), '');
    for (const bad of ['', '/abs', '../up', 'a/../../up', 'D:/x', 'file:///x']) assert.equal(workspacePath(bad), null, bad);
  });
});
