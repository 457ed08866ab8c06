// The template chooser's config.yml ("Configuring the template chooser"): `blank_issues_enabled`
// (default true) and `contact_links` (name, url, about: all required). Contact links are shown as
// links, never as templates. A contact link github.com cannot use (no url, a url that is not a web
// address, no name or about) is left out of the chooser there while the templates are still listed:
// here it is left out too, with a warning (not an error). Never throws.
import { isMap, isScalar, isSeq } from 'yaml';
import type { ContactLink, Problem } from './types';
import { booleanOf, entries, isNull, requiredString, unknownKey } from '../shared/yamlFields';
import { guard, rangeOf, readYaml, report, resolve, type YamlCtx } from '../shared/yamlReader';

export function parseTemplateConfig(text: string, file: string): { blankIssuesEnabled: boolean; contactLinks: ContactLink[]; problems: Problem[] } {
  const result = { blankIssuesEnabled: true, contactLinks: [] as ContactLink[], problems: [] as Problem[] };
  const ctx = readYaml(text, file);
  guard(ctx, file, () => readConfig(ctx, result));
  result.problems = ctx.problems;
  return result;
}

function readConfig(ctx: YamlCtx, result: { blankIssuesEnabled: boolean; contactLinks: ContactLink[] }): void {
  const root = resolve(ctx, ctx.doc.contents);
  if (isNull(root) || (isScalar(root) && root.value === '')) return; // an empty config changes nothing
  if (!isMap(root)) {
    report(ctx, rangeOf(root, 0), 'error', 'bad-config', 'config.yml must be a mapping with `blank_issues_enabled` and `contact_links`.');
    return;
  }
  for (const e of entries(ctx, root, 'config.yml')) {
    if (e.key === 'blank_issues_enabled') {
      result.blankIssuesEnabled = booleanOf(ctx, e, '`blank_issues_enabled`') ?? true;
    } else if (e.key === 'contact_links') {
      if (isNull(e.value)) continue;
      if (!isSeq(e.value)) {
        report(ctx, rangeOf(e.value, e.offset), 'error', 'bad-contact-links', '`contact_links` must be a list of { name, url, about }.');
        continue;
      }
      for (const item of e.value.items) {
        const node = resolve(ctx, item);
        const before = ctx.problems.length;
        const link = readLink(ctx, node, rangeOf(node ?? item, e.offset));
        if (link) result.contactLinks.push(link);
        // github.com skips a link it cannot use: a warning, whatever the reader called it.
        for (const p of ctx.problems.slice(before)) if (p.code === 'bad-contact-link') p.severity = 'warning';
      }
    } else unknownKey(ctx, e, 'config.yml', ['blank_issues_enabled', 'contact_links']);
  }
}

function readLink(ctx: YamlCtx, node: unknown, at: [number, number]): ContactLink | null {
  if (!isMap(node)) {
    report(ctx, at, 'error', 'bad-contact-link', 'A contact link must be a mapping with `name`, `url` and `about`.');
    return null;
  }
  const link: Partial<ContactLink> = {};
  let ok = true;
  for (const e of entries(ctx, node, 'a contact link')) {
    if (e.key !== 'name' && e.key !== 'url' && e.key !== 'about') {
      unknownKey(ctx, e, 'a contact link', ['name', 'url', 'about']);
      continue;
    }
    const value = requiredString(ctx, e, `The contact link's \`${e.key}\``, 'bad-contact-link')?.trim();
    if (value === undefined) ok = false;
    else if (e.key === 'url' && !/^https?:\/\/\S+$/i.test(value)) {
      report(ctx, rangeOf(e.value, e.offset), 'error', 'bad-contact-link', `"${value}" is not a web address (https://…).`);
      ok = false;
    } else link[e.key] = value;
  }
  for (const key of ['name', 'url', 'about'] as const) {
    if (link[key] === undefined && ok) {
      report(
        ctx,
        at,
        'warning',
        'bad-contact-link',
        `The contact link needs \`${key}\`; github.com leaves it out of the template chooser, and so does Async Desk.`,
      );
      ok = false;
    }
  }
  return ok ? (link as ContactLink) : null;
}
