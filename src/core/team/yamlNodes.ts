// Small readers over the team file's yaml nodes, shared by the top-level walk (parse.ts) and the member
// walk (readMember.ts). Unknown keys are warnings in the team file (a typo must not hide a member),
// unlike issue templates, where GitHub rejects them.
import { isScalar, isSeq } from 'yaml';
import { scalarText } from '../shared/yamlFields';
import { rangeOf, report, resolve, type YamlCtx } from '../shared/yamlReader';
import { dayNumber } from './zone';

/** A warning at a key the team file does not know, suggesting the known key it differs from in case only. */
export function unknownKey(ctx: YamlCtx, keyNode: unknown, offset: number, key: string, where: string, known: string[]): void {
  const hint = known.find((k) => k.toLowerCase() === key.toLowerCase());
  const message = `Unknown key "${key}" in ${where}${hint ? `; did you mean "${hint}"?` : ''}. Known keys: ${known.join(', ')}.`;
  report(ctx, rangeOf(keyNode, offset), 'warning', 'unknown-key', message);
}

/** A date 'YYYY-MM-DD' from a scalar, or undefined. */
export function dateOf(node: unknown): string | undefined {
  const text = scalarText(node)?.trim();
  return text !== undefined && dayNumber(text) !== null ? text : undefined;
}

/** A list of scalars, or a single scalar as a one-item list (for `holidays: DE` and `labels: triage`). */
export function scalarList(ctx: YamlCtx, node: unknown): { text: string | undefined; node: unknown }[] | null {
  if (isSeq(node)) {
    return node.items.map((item) => ({ text: scalarText(resolve(ctx, item)), node: resolve(ctx, item) ?? item }));
  }
  if (isScalar(node) && node.value !== null) return [{ text: scalarText(node), node }];
  return null;
}
