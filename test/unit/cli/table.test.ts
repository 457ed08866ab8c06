// The CLI's one table printer (src/cli/table.ts): column alignment, cells wider than their header,
// repository text made inert (and measured as printed), and tables with no rows.
import assert from 'node:assert/strict';
import { formatTable, tableLines } from '../../../src/cli/table';

describe('CLI table', () => {
  it('left-aligns columns two spaces apart; the last column is not padded', () => {
    assert.deepEqual(
      tableLines(
        ['#', 'Status', 'Title'],
        [
          ['0001', 'accepted', 'Use Postgres'],
          ['2', 'proposed (Pending)', 'Event sourcing'],
        ],
      ),
      ['#     Status              Title', '0001  accepted            Use Postgres', '2     proposed (Pending)  Event sourcing'],
    );
  });

  it('a cell wider than its header widens the whole column', () => {
    const lines = tableLines(
      ['Member', 'Zone'],
      [
        ['@al', 'UTC'],
        ['Carol Shrestha (@carol)', 'Asia/Kathmandu'],
      ],
    );
    // Every second column starts at the same place: the widest first cell plus two spaces.
    const start = 'Carol Shrestha (@carol)'.length + 2;
    assert.deepEqual(
      lines.map((l) => l.slice(start)),
      ['Zone', 'UTC', 'Asia/Kathmandu'],
    );
    assert.deepEqual(
      lines.map((l) => l.slice(0, start).trimEnd()),
      ['Member', '@al', 'Carol Shrestha (@carol)'],
    );
  });

  it('no trailing spaces: empty last cells are trimmed', () => {
    const lines = tableLines(
      ['Member', 'State', 'Until'],
      [
        ['@alice', 'working', '17:30'],
        ['@bob', 'off hours', ''],
      ],
    );
    assert.deepEqual(lines, ['Member  State      Until', '@alice  working    17:30', '@bob    off hours']);
    assert.ok(lines.every((l) => l === l.trimEnd()));
  });

  it('escapes control and bidi characters, and aligns on the escaped text', () => {
    const lines = tableLines(
      ['Title', 'File'],
      [
        ['Evil\x1b[2J', 'a.md'],
        ['two\nlines', 'b.md'],
        ['rtl\u202etxt', 'c.md'],
      ],
    );
    assert.equal(lines.length, 4, 'a line break inside a cell does not start a line');
    assert.deepEqual(lines, ['Title          File', 'Evil\\u001b[2J  a.md', 'two\\nlines     b.md', 'rtl\\u202etxt   c.md']);
    assert.ok(!lines.join('').match(/[\x00-\x1f\u202e]/), 'nothing raw reaches the terminal');
    // Headers go through the same escaping.
    assert.deepEqual(tableLines(['A\tB'], []), ['A\\tB']);
  });

  it('an empty table is its header line', () => {
    assert.deepEqual(tableLines(['Name', 'Kind', 'Labels', 'File'], []), ['Name  Kind  Labels  File']);
    assert.equal(formatTable(['Name', 'Kind'], []), 'Name  Kind\n');
  });

  it('one column is never padded', () => {
    assert.deepEqual(tableLines(['Name'], [['a'], ['longer name ']]), ['Name', 'a', 'longer name']);
  });

  it('formatTable: the lines, each ended by a line break', () => {
    const header = ['#', 'Title'];
    const rows = [
      ['1', 'One'],
      ['22', 'Two'],
    ];
    assert.equal(formatTable(header, rows), `${tableLines(header, rows).join('\n')}\n`);
    assert.equal(formatTable(header, rows), '#   Title\n1   One\n22  Two\n');
  });
});
