// `async-desk decisions`: the decision records of the repository, as a table or (--json) as the
// records' fields for scripts.
import { scanDecisions, type DecisionRecord } from '../../core/decisions';
import type { Command } from '../context';
import { formatTable } from '../table';
import { terminalSafe } from '../terminalText';

export const decisions: Command = async (ctx, args, { out }) => {
  const options: { decisionsDir?: string } = {};
  if (ctx.decisionsDir) options.decisionsDir = ctx.decisionsDir;
  const index = await scanDecisions(ctx.root, options);
  if (args.json) {
    const rows = index.records.map((r) => ({
      file: r.file,
      title: r.title,
      status: r.status,
      // The author's own words (free-text statuses such as "Pending"; "Approved" for accepted).
      statusText: r.statusText ?? null,
      date: r.date,
      format: r.format,
      number: r.number,
      owner: r.owner,
      supersedes: r.supersedes,
      supersededBy: r.supersededBy,
    }));
    out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (index.records.length === 0) {
    const where = index.folders.map((f) => f.dir).join(', ') || 'docs/decisions';
    out(`No decision records in ${terminalSafe(where)}.\n`);
    return 0;
  }
  const rows = index.records.map((r) => [r.number === null ? '' : String(r.number).padStart(4, '0'), statusCell(r), r.date ?? '', r.title, r.file]);
  out(formatTable(['#', 'Status', 'Date', 'Title', 'File'], rows));
  return 0;
};

/** The status, with the author's word when it differs ("accepted (Approved)"); "other: Pending" when it has no known meaning. */
function statusCell(r: DecisionRecord): string {
  if (r.status) return r.statusText && r.statusText.toLowerCase() !== r.status ? `${r.status} (${r.statusText})` : r.status;
  return r.statusText ? `other: ${r.statusText}` : '-';
}
