// The CLI's one table printer: decisions, team, standups and templates all print their rows through
// it, so every table escapes and aligns the same way.
import { terminalSafe } from './terminalText';

/**
 * Lines of a table: left-aligned columns two spaces apart, the last one not padded (no trailing
 * spaces). Cells come from repositories, so each is made inert first (terminalSafe): the widths are
 * those of the text printed, and a line break inside a cell cannot start a line of its own.
 * Every row has as many cells as the header. Widths count UTF-16 code units, not terminal columns.
 */
export function tableLines(header: string[], rows: string[][]): string[] {
  const cells = [header, ...rows].map((row) => row.map(terminalSafe));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** A table alone, as the whole output of a command: its lines, each ended by a line break. */
export function formatTable(header: string[], rows: string[][]): string {
  return `${tableLines(header, rows).join('\n')}\n`;
}
