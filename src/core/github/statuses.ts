// Teammates' GitHub status in one GraphQL request per 100 logins (aliases u0…u99), and one's own
// status read, set and restored around a focus session.
import type { GitHubClient } from './githubClient';
import { GitHubError } from './errors';

export interface GitHubStatus {
  emoji: string | null;
  message: string | null;
  /** "Busy": GitHub's indicatesLimitedAvailability. */
  busy: boolean;
  /** ISO 8601 instant after which GitHub stops showing the status; null: until changed. */
  expiresAt: string | null;
}

/** One's own status, with the organization it is limited to (kept when restoring it). */
export interface OwnStatus extends GitHubStatus {
  organizationId: string | null;
}

export interface StatusInput {
  emoji?: string | null;
  message?: string | null;
  limitedAvailability?: boolean;
  expiresAt?: string | Date | null;
  /** Show the status only to members of this organization (node id); omitted: public. */
  organizationId?: string | null;
}

/** Aliased users per request. GitHub allows far more, but 100 keeps each query small and cheap. */
export const STATUS_BATCH_SIZE = 100;

// GitHub logins: letters, digits and hyphens, 1–39 characters, not starting with a hyphen. (Some old
// accounts have double or trailing hyphens, so those are allowed.) Anything else is never sent, which
// also makes the logins safe to write into the query as string literals.
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;

export function isValidLogin(login: string): boolean {
  return LOGIN.test(login);
}

const STATUS_FIELDS = 'emoji message indicatesLimitedAvailability expiresAt';

interface StatusNode {
  emoji: string | null;
  /** Teammates' query only: GitHub's rendering, `<div><g-emoji alias="no_bell">🔕</g-emoji></div>`. */
  emojiHTML?: string | null;
  message: string | null;
  indicatesLimitedAvailability: boolean;
  expiresAt: string | null;
  organization?: { id: string } | null;
}

/** The emoji character inside GitHub's emojiHTML, so views can show 🔕 rather than ':no_bell:'. */
export function emojiFromHtml(html: string | null | undefined): string | null {
  const match = html ? /<g-emoji\b[^>]*>([^<]{1,16})<\/g-emoji>/.exec(html) : null;
  return match ? match[1]!.trim() || null : null;
}

// Own status keeps the shortcode (it is written back by changeUserStatus); teammates' status shows the character.
const toStatus = (s: StatusNode): GitHubStatus => ({
  emoji: emojiFromHtml(s.emojiHTML) ?? s.emoji,
  message: s.message,
  busy: s.indicatesLimitedAvailability,
  expiresAt: s.expiresAt,
});

/** The query for one batch: `query TeamStatuses { u0: user(login: "alice") { login status { … } } … }`. */
export function statusQuery(logins: readonly string[]): string {
  const fields = logins.map((login, i) => `u${i}: user(login: ${JSON.stringify(login)}) { login status { ${STATUS_FIELDS} emojiHTML } }`);
  return `query TeamStatuses { ${fields.join(' ')} }`;
}

/**
 * Statuses for the given logins: a status, or null when the user has none. Logins GitHub does not
 * know (NOT_FOUND) and logins that are not valid GitHub logins are absent from the map, so one typo in
 * the team file costs nothing but that entry. Logins are matched case-insensitively; the map is keyed
 * by the logins as given. Throws a GitHubError when a request fails as a whole.
 */
export async function fetchStatuses(client: GitHubClient, logins: readonly string[]): Promise<Map<string, GitHubStatus | null>> {
  const byLower = new Map<string, string[]>();
  for (const login of logins) {
    if (!isValidLogin(login)) continue;
    const key = login.toLowerCase();
    byLower.set(key, [...(byLower.get(key) ?? []), login]);
  }
  const unique = [...byLower.values()].map((spellings) => spellings[0]!);
  const result = new Map<string, GitHubStatus | null>();
  for (let start = 0; start < unique.length; start += STATUS_BATCH_SIZE) {
    const batch = unique.slice(start, start + STATUS_BATCH_SIZE);
    const { data, errors } = await client.graphql<Record<string, { login: string; status: StatusNode | null } | null>>(statusQuery(batch));
    const failed = errors.filter((e) => e.type !== 'NOT_FOUND');
    // Every alias failed for a reason other than "no such user": report it rather than show nothing.
    if (failed.length && batch.every((_, i) => !data[`u${i}`])) {
      throw new GitHubError('forbidden', `GitHub did not return any status: ${failed[0]!.message}`, { graphqlErrors: errors });
    }
    batch.forEach((login, i) => {
      const user = data[`u${i}`];
      if (!user) return;
      const status = user.status ? toStatus(user.status) : null;
      for (const spelling of byLower.get(login.toLowerCase())!) result.set(spelling, status);
    });
  }
  return result;
}

/** The signed-in user's login and status (with its organization, so restoring keeps who may see it). */
export async function getOwnStatus(client: GitHubClient): Promise<{ login: string; status: OwnStatus | null }> {
  const { data } = await client.graphql<{ viewer: { login: string; status: StatusNode | null } }>(
    `query OwnStatus { viewer { login status { ${STATUS_FIELDS} organization { id } } } }`,
  );
  const s = data.viewer.status;
  return { login: data.viewer.login, status: s ? { ...toStatus(s), organizationId: s.organization?.id ?? null } : null };
}

/**
 * Sets the signed-in user's status (needs the `user` scope). With no emoji, no message and not busy,
 * GitHub clears the status. Returns the status GitHub now shows.
 */
export async function setOwnStatus(client: GitHubClient, input: StatusInput): Promise<OwnStatus | null> {
  const expiresAt = input.expiresAt instanceof Date ? input.expiresAt.toISOString() : (input.expiresAt ?? null);
  const { data } = await client.graphql<{ changeUserStatus: { status: StatusNode | null } | null }>(
    `mutation SetOwnStatus($input: ChangeUserStatusInput!) { changeUserStatus(input: $input) { status { ${STATUS_FIELDS} organization { id } } } }`,
    {
      input: {
        emoji: input.emoji ?? null,
        message: input.message ?? null,
        limitedAvailability: input.limitedAvailability ?? false,
        expiresAt,
        ...(input.organizationId ? { organizationId: input.organizationId } : {}),
      },
    },
  );
  const s = data.changeUserStatus?.status;
  return s ? { ...toStatus(s), organizationId: s.organization?.id ?? null } : null;
}

/**
 * Puts back the status saved before a focus session: the same emoji, message, busy flag, expiry and
 * visibility; cleared when there was none or when it would already have expired by now.
 */
export async function restoreOwnStatus(client: GitHubClient, previous: OwnStatus | null, now: Date = new Date()): Promise<OwnStatus | null> {
  if (!previous || (previous.expiresAt && Date.parse(previous.expiresAt) <= now.getTime())) return setOwnStatus(client, {});
  return setOwnStatus(client, {
    emoji: previous.emoji,
    message: previous.message,
    limitedAvailability: previous.busy,
    expiresAt: previous.expiresAt,
    organizationId: previous.organizationId,
  });
}
