// Checks the Markdown injection grammar (syntaxes/async-desk.markdown.tmLanguage.json) without VS Code:
// its structure, and its regexes run as JavaScript RegExps against samples. The grammar's regexes are
// Oniguruma; they are written to be valid JavaScript too, except for a leading (?i), which becomes the i flag.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Capture {
  name?: string;
  patterns?: Rule[];
}
interface Rule {
  comment?: string;
  include?: string;
  match?: string;
  name?: string;
  captures?: Record<string, Capture>;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

/** The folder of the package.json above the compiled test (out/test/unit/), or above the working directory. */
function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'syntaxes'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`no package.json with syntaxes/ above ${__dirname} or ${process.cwd()}`);
}

const root = repoRoot();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
};
const contribution = manifest.contributes.grammars.find((g) => g.scopeName === 'asyncdesk.markdown.injection');
const grammarPath = join(root, contribution?.path ?? 'syntaxes/async-desk.markdown.tmLanguage.json');
const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as Grammar;

/** Names the Oniguruma-only syntax in a regex that JavaScript would reject or read differently, or returns null. */
function onigurumaOnly(source: string): string | null {
  for (const [, letter] of source.matchAll(/\\(.)/g)) {
    if ('AGZzhHKpP'.includes(letter!)) return `\\${letter}`;
  }
  // Escapes and character classes out of the way, look at the group and quantifier syntax.
  const bare = source.replace(/\\./g, '_').replace(/\[[^\]]*\]/g, '_');
  if (/\(\?[imx-]+[:)]/.test(bare)) return 'an inline option group';
  if (/\(\?>/.test(bare)) return 'an atomic group';
  if (/[*+?}]\+/.test(bare)) return 'a possessive quantifier';
  return null;
}

/** Compiles a grammar regex as a JavaScript RegExp (a leading `(?i)` becomes the i flag). */
function toRegExp(source: string, extraFlags = ''): RegExp {
  let flags = extraFlags;
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags += 'i';
  }
  const problem = onigurumaOnly(source);
  assert.equal(problem, null, `regex uses ${problem}, which JavaScript cannot run: ${source}`);
  return new RegExp(source, flags);
}

function rule(name: string): Rule {
  const found = grammar.repository[name];
  assert.ok(found, `repository.${name} exists`);
  assert.ok(found.match, `repository.${name} has a match`);
  return found;
}

/** Every rule in the grammar, including capture patterns. */
function allRules(): Rule[] {
  const out: Rule[] = [];
  const visit = (r: Rule) => {
    out.push(r);
    for (const p of r.patterns ?? []) visit(p);
    for (const c of Object.values(r.captures ?? {})) for (const p of c.patterns ?? []) visit(p);
  };
  for (const p of grammar.patterns) visit(p);
  for (const r of Object.values(grammar.repository)) visit(r);
  return out;
}

/** Every scope name used, split where a name holds several scopes. */
function allScopes(): string[] {
  const names: string[] = [];
  for (const r of allRules()) {
    if (r.name) names.push(r.name);
    for (const c of Object.values(r.captures ?? {})) if (c.name) names.push(c.name);
  }
  return names.flatMap((n) => n.split(/\s+/));
}

/** Runs a status rule on a line: the scope of the capture that matched the value, and its text. */
function statusOf(ruleName: string, line: string): { scope: string; text: string } | null {
  const r = rule(ruleName);
  const m = toRegExp(r.match!).exec(line);
  if (!m) return null;
  for (const [index, capture] of Object.entries(r.captures ?? {})) {
    const scope = capture.name ?? '';
    if (scope.includes('.status.') && !scope.includes('.key.') && m[Number(index)] !== undefined && scope.startsWith('markup.')) {
      return { scope: scope.split(' ')[0]!, text: m[Number(index)]! };
    }
  }
  assert.fail(`${ruleName} matched ${JSON.stringify(line)} but no status capture took part`);
}

function mentions(text: string): string[] {
  const r = rule('mention');
  return [...text.matchAll(toRegExp(r.match!, 'g'))].map((m) => m[2]!);
}

function adrRefs(text: string): string[] {
  const r = rule('adr-reference');
  return [...text.matchAll(toRegExp(r.match!, 'g'))].map((m) => m[0]);
}

describe('Markdown injection grammar', () => {
  describe('structure', () => {
    it('is contributed by package.json as an injection into Markdown', () => {
      assert.ok(contribution, 'package.json contributes.grammars has asyncdesk.markdown.injection');
      assert.deepEqual(contribution.injectTo, ['text.html.markdown']);
      assert.equal(grammar.scopeName, 'asyncdesk.markdown.injection');
    });

    it('injects into Markdown (front matter included) but not into code, link targets or comments', () => {
      const selector = grammar.injectionSelector;
      assert.match(selector, /^L:text\.html\.markdown\b/);
      for (const excluded of ['markup.fenced_code', 'markup.inline.raw', 'markup.raw', 'markup.underline.link', 'comment']) {
        assert.ok(selector.split(/\s+/).includes(`-${excluded}`), `selector excludes ${excluded}`);
      }
      assert.ok(!selector.includes('meta.embedded.block.frontmatter'), 'front matter is not excluded');
    });

    it('resolves every include and compiles every match', () => {
      for (const r of allRules()) {
        if (r.include) {
          assert.match(r.include, /^#/, `include ${r.include} is local`);
          assert.ok(grammar.repository[r.include.slice(1)], `include ${r.include} resolves`);
        }
        if (r.match) assert.doesNotThrow(() => toRegExp(r.match!), `compiles: ${r.match}`);
      }
    });

    it('uses no scope that changes the token type (string, comment) and tags every scope as ours or a YAML/Markdown scope', () => {
      for (const scope of allScopes()) {
        assert.doesNotMatch(scope, /^(string|comment)(\.|$)/, scope);
        assert.match(scope, /\.(asyncdesk|yaml|markdown)$/, scope);
      }
    });

    it('uses theme-coloured scopes for statuses and mentions', () => {
      const scopes = allScopes();
      for (const expected of [
        'markup.inserted.status.accepted.asyncdesk',
        'markup.deleted.status.rejected.asyncdesk',
        'markup.changed.status.superseded.asyncdesk',
        'markup.italic.status.proposed.asyncdesk',
        'variable.other.mention.asyncdesk',
      ]) {
        assert.ok(scopes.includes(expected), expected);
      }
    });
  });

  describe('status in front matter (status: value)', () => {
    const cases: [string, string, string][] = [
      ['status: accepted', 'markup.inserted', 'accepted'],
      ['status: proposed', 'markup.italic', 'proposed'],
      ['status: draft', 'markup.italic', 'draft'],
      ["status: 'rejected'", 'markup.deleted', 'rejected'],
      ['status: deprecated # replaced by the 2027 ledger', 'markup.deleted', 'deprecated'],
      ['status: "superseded by ADR-0005"', 'markup.changed', 'superseded by ADR-0005'],
      ['status: superseded', 'markup.changed', 'superseded'],
      ['  status:   Accepted', 'markup.inserted', 'Accepted'],
      ['Status: Accepted', 'markup.inserted', 'Accepted'],
    ];
    for (const [line, scope, text] of cases) {
      it(`colours ${JSON.stringify(line)}`, () => {
        const found = statusOf('status-key-value', line);
        assert.ok(found, 'matches');
        assert.ok(found.scope.startsWith(`${scope}.`), `${found.scope} is ${scope}`);
        assert.equal(found.text, text);
      });
    }

    for (const line of [
      'status: acceptedness',
      'status: accepted-ish',
      'status: unknown',
      'statuses: accepted',
      'previous-status: accepted',
      'The status: accepted',
      'status:accepted',
    ]) {
      it(`leaves ${JSON.stringify(line)} alone`, () => {
        assert.equal(statusOf('status-key-value', line), null);
      });
    }

    it('also colours ADR references inside "superseded by …"', () => {
      const capture = Object.values(rule('status-key-value').captures ?? {}).find((c) => c.name?.startsWith('markup.changed'));
      assert.ok(capture?.patterns?.some((p) => p.include === '#adr-reference'));
    });
  });

  describe('status bullets (log4brains / MADR 2)', () => {
    const cases: [string, string, string][] = [
      ['- Status: accepted', 'markup.inserted', 'accepted'],
      ['* Status: superseded by [20261102-use-postgres](20261102-use-postgres.md)', 'markup.changed', 'superseded'],
      ['+ Status: Proposed', 'markup.italic', 'Proposed'],
      ['- Status: rejected', 'markup.deleted', 'rejected'],
      ['  - status: draft', 'markup.italic', 'draft'],
    ];
    for (const [line, scope, text] of cases) {
      it(`colours ${JSON.stringify(line)}`, () => {
        const found = statusOf('status-bullet', line);
        assert.ok(found, 'matches');
        assert.ok(found.scope.startsWith(`${scope}.`), `${found.scope} is ${scope}`);
        assert.equal(found.text, text);
      });
    }

    for (const line of ['- Statuses: accepted', '- Status: accepted-ish', '- Deciders: alice, bob', '- Status: in review']) {
      it(`leaves ${JSON.stringify(line)} alone`, () => {
        assert.equal(statusOf('status-bullet', line), null);
      });
    }
  });

  describe('ADR references', () => {
    it('finds ADR-NNNN in prose', () => {
      assert.deepEqual(adrRefs('See ADR-0003 and (ADR-12); ADR-0007.'), ['ADR-0003', 'ADR-12', 'ADR-0007']);
      assert.deepEqual(adrRefs('ADR-0001'), ['ADR-0001']);
    });

    it('skips file names, longer words and lower case', () => {
      assert.deepEqual(adrRefs('0003-adopt-event-sourcing.md ADR-0003-adopt-event-sourcing.md'), []);
      assert.deepEqual(adrRefs('XADR-0003 pre-ADR-0003 ADR-0003x ADR- adr-0003 ADR-123456'), []);
    });
  });

  describe('@mentions', () => {
    it('finds logins in prose', () => {
      assert.deepEqual(mentions('@alice please review'), ['alice']);
      assert.deepEqual(mentions('Waiting for staging credentials from @carol.'), ['carol']);
      assert.deepEqual(mentions('cc @bob-smith, @dev42 (@erin) **@frank**: @g'), ['bob-smith', 'dev42', 'erin', 'frank', 'g']);
      assert.deepEqual(mentions("- [ ] Review @bob's migration PR"), ['bob']);
    });

    it('does not match e-mail addresses', () => {
      for (const text of [
        'alice@example.com',
        'Mail alice.ng@example.com today',
        'first.last+ledger@payments.example.co.uk',
        'ops-team@example.org',
        '<carol@example.org>',
        'mailto:dave@example.net',
        'x=y@example.com',
      ]) {
        assert.deepEqual(mentions(text), [], text);
      }
    });

    it('does not match domains, package scopes, URLs or invalid logins', () => {
      for (const text of [
        '@example.com',
        '@vscode/test-electron',
        'https://mastodon.example/@alice',
        'user@host@example',
        '@@alice',
        '@-alice',
        '@alice-',
        '@alice--bob',
        `@${'a'.repeat(40)}`,
      ]) {
        assert.deepEqual(mentions(text), [], text);
      }
      assert.deepEqual(mentions(`@${'a'.repeat(39)}`), ['a'.repeat(39)]);
    });
  });
});
