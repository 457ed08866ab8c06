// GitHub logins, as every file format of ours names people (team file `github:`, standup `author:`,
// issue owners, "me").

/** A GitHub login: letters, digits and single inner hyphens, at most 39 characters (GitHub's rules for new accounts). */
export const LOGIN_RE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export function isLogin(login: string): boolean {
  return LOGIN_RE.test(login);
}
