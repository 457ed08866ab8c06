// The generated team file the bench times (`npm run bench`: parseTeamFile and computeStates of 1,000
// members) and the unit tests read (test/unit/shared/blockYaml.test.ts): one generator, so the tests
// cover the file the bench measures. A spread of zones (45-minute offsets, half-hour DST, both
// hemispheres), hours (some across midnight), weekends, focus blocks, holiday calendars and away ranges.

const ZONES = [
  ...['Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo', 'America/Toronto', 'Asia/Kathmandu'],
  ...['Asia/Kolkata', 'Asia/Tokyo', 'Asia/Dubai', 'Asia/Singapore', 'Australia/Adelaide', 'Australia/Lord_Howe', 'Pacific/Chatham'],
  ...['Pacific/Auckland', 'Africa/Lagos', 'Europe/Kyiv', 'America/Mexico_City', 'America/St_Johns', 'UTC'],
];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

/** `.github/team.yml` text with `count` valid members. */
export function benchTeamFile(count: number): string {
  const lines = ['team: Bench', 'holidays:', '  A: [2026-11-26, 2026-12-24, 2026-12-25, 2027-01-01]', '  B: [2026-11-20, 2026-12-25, 2026-12-26]', 'members:'];
  for (let i = 0; i < count; i++) {
    const start = 6 + (i % 5);
    const hours = i % 25 === 0 ? '22:00-06:00' : `${String(start).padStart(2, '0')}:${i % 2 ? '30' : '00'}-${start + 8}:${i % 3 ? '00' : '30'}`;
    lines.push(`  - github: member-${i}`, `    name: Member ${i}`, `    timezone: ${ZONES[(i * 7) % ZONES.length]}`, `    hours: "${hours}"`);
    if (i % 9 === 0) lines.push('    days: [Sun, Mon, Tue, Wed, Thu]');
    if (i % 2 === 0) lines.push(`    focus: ["${DAYS[i % 5]} 13:00-15:00", "${DAYS[(i + 2) % 5]} 09:00-11:00"]`);
    lines.push(`    holidays: ${i % 3 ? 'A' : 'B'}`);
    if (i % 10 === 0) lines.push(`    away: [{ from: 2026-11-${String(18 + (i % 7)).padStart(2, '0')}, to: 2026-12-0${1 + (i % 5)}, note: Away }]`);
  }
  return `${lines.join('\n')}\n`;
}
