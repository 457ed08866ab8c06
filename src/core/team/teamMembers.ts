// Reads just the member list (login + display name) from a team file, leniently: used to suggest
// owners. Full validation of the team file (zones, hours, holidays) is the team model's job.
import { parse } from 'yaml';

export interface TeamMemberSummary {
  github: string;
  name?: string;
  timezone?: string;
}

/** Members with a `github` login; anything malformed is skipped, never thrown. */
export function readTeamMembers(text: string): TeamMemberSummary[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return [];
  }
  const members = (data as { members?: unknown })?.members;
  if (!Array.isArray(members)) return [];
  const seen = new Set<string>();
  const out: TeamMemberSummary[] = [];
  for (const m of members) {
    if (!m || typeof m !== 'object') continue;
    const { github, name, timezone } = m as Record<string, unknown>;
    if (typeof github !== 'string' || !github.trim() || seen.has(github.toLowerCase())) continue;
    seen.add(github.toLowerCase());
    out.push({
      github: github.trim(),
      name: typeof name === 'string' ? name : undefined,
      timezone: typeof timezone === 'string' ? timezone : undefined,
    });
  }
  return out;
}
