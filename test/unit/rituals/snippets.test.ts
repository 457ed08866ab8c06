// The Markdown snippets for the rituals (snippets/rituals.code-snippets, contributed in package.json):
// each full-ritual snippet has exactly the sections of the built-in template, section snippets belong
// to a ritual, and the tab stops are well formed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RITUAL_KINDS, RITUAL_SECTIONS, type RitualKind } from '../../../src/core/rituals';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

function repoRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'snippets'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json with snippets/ above ${process.cwd()}`);
  }
}

const root = repoRoot();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
const contribution = manifest.contributes.snippets.find((s) => s.path.endsWith('rituals.code-snippets'));
const snippets = JSON.parse(readFileSync(join(root, contribution?.path ?? 'snippets/rituals.code-snippets'), 'utf8')) as Record<string, Snippet>;

const FULL: Record<RitualKind, string> = {
  'weekly-update': 'weekly-update',
  'intent-brief': 'intent-brief',
  'working-agreement': 'working-agreement',
  retrospective: 'retro',
};

const headings = (body: string[]) => body.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));

/** Tab stop numbers used in a body; throws on unbalanced ${…}. */
function tabStops(body: string[]): Set<number> {
  const text = body.join('\n');
  const stops = new Set<number>();
  for (const m of text.matchAll(/\$(?:\{(\d+)|(\d+))/g)) stops.add(Number(m[1] ?? m[2]));
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && depth > 0) depth--;
  }
  assert.equal(depth, 0, `unbalanced \${…} in ${JSON.stringify(text)}`);
  return stops;
}

describe('Ritual snippets', () => {
  it('are contributed for Markdown', () => {
    assert.equal(contribution?.language, 'markdown');
  });

  for (const kind of RITUAL_KINDS) {
    it(`"${FULL[kind]}" has the sections of the built-in ${kind} template and its front matter kind`, () => {
      const snippet = Object.values(snippets).find((s) => s.prefix === FULL[kind]);
      assert.ok(snippet, `a snippet with prefix ${FULL[kind]}`);
      assert.deepEqual(
        headings(snippet.body),
        RITUAL_SECTIONS[kind].map((s) => s.heading),
      );
      assert.ok(snippet.body.includes(`kind: ${kind}`));
    });
  }

  it('section snippets are sections of a ritual; prefixes are unique, also against the decision snippets', () => {
    const all = new Set(RITUAL_KINDS.flatMap((k) => RITUAL_SECTIONS[k].map((s) => s.heading)));
    for (const [name, snippet] of Object.entries(snippets)) {
      for (const heading of headings(snippet.body)) assert.ok(all.has(heading), `${name}: "${heading}" is not a ritual section`);
    }
    const decisions = JSON.parse(readFileSync(join(root, 'snippets/decisions.code-snippets'), 'utf8')) as Record<string, Snippet>;
    const prefixes = [...Object.values(snippets), ...Object.values(decisions)].map((s) => s.prefix);
    assert.deepEqual(
      prefixes.filter((p, i) => prefixes.indexOf(p) !== i),
      [],
    );
  });

  it('every snippet has a description, tab stops numbered 1..n without gaps, and a final $0', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(snippet.description.length > 20, `${name}: description`);
      const stops = tabStops(snippet.body);
      assert.ok(stops.has(0), `${name}: $0`);
      const numbered = [...stops].filter((n) => n > 0).sort((a, b) => a - b);
      assert.deepEqual(
        numbered,
        numbered.map((_, i) => i + 1),
        `${name}: tab stops ${numbered.join(', ')}`,
      );
    }
  });

  it('the tab stop check can fail', () => {
    assert.throws(() => tabStops(['${1:open']), /unbalanced/);
    assert.deepEqual([...tabStops(['$1 ${2:x} $0'])].sort(), [0, 1, 2]);
  });
});
