// Repository-relative paths as settings and config files give them ("./docs/standups/", "docs\\adr").
// One rule set for every folder setting, so the CLI, the stores and the checks agree on what a folder is.

/** Forward slashes, no './' prefix, no doubled or trailing slash; '' for the root itself. */
export function normalizeDir(dir: string): string {
  let d = dir
    .trim()
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
  while (d.startsWith('./')) d = d.slice(2);
  d = d.replace(/\/+$/, '');
  return d === '.' ? '' : d;
}

/** True when `file` (normalized, relative) lies in `dir` (normalized; '' is the root). */
export function isInsideDir(file: string, dir: string): boolean {
  return dir === '' || file.startsWith(`${dir}/`);
}
