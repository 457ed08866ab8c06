// Calendar helpers with no time-zone rules (those live with luxon in the team code).

/** YYYY-MM-DD of an instant in the machine's local zone. */
export function localIsoDate(at: Date = new Date()): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
