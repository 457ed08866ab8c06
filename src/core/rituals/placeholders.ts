// {{placeholders}} in ritual templates, built-in or a team's own (docs/templates/<kind>.md). A
// placeholder that is the whole value of a front matter line is written as a YAML scalar (quoted when
// needed), so a title like "Fix: retries" keeps the front matter valid. An unknown {{name}} is left as
// it is and reported at its line; filling never throws.
import type { Problem } from '../shared/problem';
import { detectEol, lineContent, stripBom } from '../shared/text';

export const PLACEHOLDERS = ['date', 'week', 'author', 'title', 'team', 'coreHours', 'responseTimes'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/** Values by name; a function is called only when the template uses the placeholder (core hours cost a little). */
export type PlaceholderValues = Record<PlaceholderName, string | (() => string)>;

const PLACEHOLDER_RE = /\{\{([^{}\n]*)\}\}/g;
const WHOLE_VALUE_RE = /^\s*[A-Za-z_][\w-]*:\s*\{\{\s*[^{}\s]+\s*\}\}\s*$/;
const KNOWN = PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');

function isPlaceholder(name: string): name is PlaceholderName {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** A YAML scalar for value: plain when YAML reads it back as the same string, else double-quoted (JSON is valid YAML). */
export function yamlValue(value: string): string {
  const plain =
    /^[A-Za-z0-9_][\w ./-]*$/.test(value) &&
    !/\s$/.test(value) &&
    !/^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** 0-based line range [start, end) of the front matter's YAML, or null when the text has none. */
function frontMatterLines(lines: string[]): [number, number] | null {
  if (lines.length === 0 || lineContent(stripBom(lines[0]!)) !== '---') return null;
  for (let i = 1; i < lines.length; i++) {
    const line = lineContent(lines[i]!);
    if (line === '---' || line === '...') return [1, i];
  }
  return null;
}

export interface FilledTemplate {
  text: string;
  /** Unknown placeholders, at their 0-based line and column in the template. */
  problems: Problem[];
}

/** Fills the placeholders of `template` (whose path, for problems, is `file`). */
export function fillPlaceholders(template: string, values: PlaceholderValues, file: string): FilledTemplate {
  const eol = detectEol(template);
  const cache = new Map<PlaceholderName, string>();
  const valueOf = (name: PlaceholderName): string => {
    let value = cache.get(name);
    if (value === undefined) {
      const v = values[name];
      value = (typeof v === 'function' ? v() : v).replace(/\r?\n/g, eol);
      cache.set(name, value);
    }
    return value;
  };
  const lines = template.split('\n');
  const frontMatter = frontMatterLines(lines);
  const problems: Problem[] = [];
  const out = lines.map((line, i) => {
    if (!line.includes('{{')) return line;
    const inFrontMatter = frontMatter !== null && i >= frontMatter[0] && i < frontMatter[1];
    const wholeValue = inFrontMatter && WHOLE_VALUE_RE.test(lineContent(line));
    return line.replace(PLACEHOLDER_RE, (match: string, inner: string, column: number) => {
      const name = inner.trim();
      if (isPlaceholder(name)) return wholeValue ? yamlValue(valueOf(name)) : valueOf(name);
      const near = PLACEHOLDERS.find((p) => p.toLowerCase() === name.toLowerCase());
      problems.push({
        file,
        line: i,
        column,
        endColumn: column + match.length,
        severity: 'warning',
        code: 'unknown-placeholder',
        message: `Unknown placeholder ${match}, left as it is${near ? ` (did you mean {{${near}}}?)` : ''}. Known placeholders: ${KNOWN}.`,
      });
      return match;
    });
  });
  return { text: out.join('\n'), problems };
}
