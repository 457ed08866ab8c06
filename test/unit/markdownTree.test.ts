// The Markdown tree the issue form renders (markdown elements, descriptions): formatting as github.com
// shows it, raw HTML kept as visible text, only http(s)/mailto links, and random input never throws
// or yields a link to anything else.
import assert from 'node:assert/strict';
import { markdownTree, markdownTreeText, type MdBlock, type MdInline } from '../../src/core/shared/markdownTree';
import { prng } from './decisions/helpers';
import { fuzzText } from './fuzzInputs';

describe('markdownTree', () => {
  it('paragraphs with strong, emphasis, strikethrough, code and breaks', () => {
    assert.deepEqual(markdownTree("One action, one owner. The end of **the owner's** day, *their* zone, ~~ours~~, `UTC`.\nNext line  \nhard"), [
      {
        t: 'p',
        c: [
          { t: 'text', v: 'One action, one owner. The end of ' },
          { t: 'strong', c: [{ t: 'text', v: "the owner's" }] },
          { t: 'text', v: ' day, ' },
          { t: 'em', c: [{ t: 'text', v: 'their' }] },
          { t: 'text', v: ' zone, ' },
          { t: 's', c: [{ t: 'text', v: 'ours' }] },
          { t: 'text', v: ', ' },
          { t: 'code', v: 'UTC' },
          { t: 'text', v: '.\nNext line' },
          { t: 'br' },
          { t: 'text', v: 'hard' },
        ],
      },
    ]);
  });

  it('headings, lists (tight and loose, numbered from their start), quotes, code blocks and rules', () => {
    const tree = markdownTree('## Before you file\n\n- one\n- **two**\n\n3. three\n4. four\n\n> quoted\n\n```yaml\nkey: <b>\n```\n\n---\n');
    assert.deepEqual(tree, [
      { t: 'h', level: 2, c: [{ t: 'text', v: 'Before you file' }] },
      { t: 'ul', items: [[{ t: 'p', c: [{ t: 'text', v: 'one' }] }], [{ t: 'p', c: [{ t: 'strong', c: [{ t: 'text', v: 'two' }] }] }]] },
      { t: 'ol', start: 3, items: [[{ t: 'p', c: [{ t: 'text', v: 'three' }] }], [{ t: 'p', c: [{ t: 'text', v: 'four' }] }]] },
      { t: 'quote', c: [{ t: 'p', c: [{ t: 'text', v: 'quoted' }] }] },
      { t: 'pre', v: 'key: <b>' },
      { t: 'hr' },
    ] satisfies MdBlock[]);
  });

  it('raw HTML stays visible text; only http(s) and mailto links are links; images show their alt text', () => {
    const tree = markdownTree(
      '<script>alert(1)</script> <b>bold</b> [ok](https://github.com/acme) [mail](mailto:a@b.example) [js](javascript:alert(1)) [rel](../CONTRIBUTING.md) ![logo](https://x.example/a.png)',
    );
    const flat = JSON.stringify(tree);
    assert.ok(!flat.includes('"t":"html'), flat);
    // markdown-it itself refuses javascript: as a link target and leaves the source as text.
    assert.equal(markdownTreeText(tree), '<script>alert(1)</script> <b>bold</b> ok mail [js](javascript:alert(1)) rel logo');
    const links: string[] = [];
    const walk = (c: MdInline[]) => c.forEach((n) => (n.t === 'a' ? (links.push(n.href), walk(n.c)) : 'c' in n && walk(n.c)));
    for (const b of tree) if (b.t === 'p') walk(b.c);
    assert.deepEqual(links, ['https://github.com/acme', 'mailto:a@b.example']);
  });

  it('a table shows its cells as paragraphs', () => {
    assert.deepEqual(markdownTreeText(markdownTree('| Area | Owner |\n| --- | --- |\n| API | @alice |\n')), 'Area\nOwner\nAPI\n@alice');
  });

  it('survives 10,000 random inputs: no throw, every link http(s) or mailto, no text lost from plain lines', () => {
    const { randomText, mutate } = fuzzText({
      pieces: [
        '**',
        '*',
        '_',
        '~~',
        '`',
        '```',
        '[',
        ']',
        '(',
        ')',
        '![',
        '<b>',
        '</b>',
        '<script>',
        '#',
        '## ',
        '- ',
        '1. ',
        '> ',
        '---',
        '\n',
        '\n\n',
        '  \n',
        '|',
        ' | ',
        'javascript:',
        'https://x.example',
        'mailto:',
        '\\',
        '&amp;',
        '\u0000',
        '😀',
      ],
      maxPieces: 40,
      pieceShare: 0.7,
      unicodeShare: 0.9,
      maxEdits: 4,
      maxDelete: 20,
      maxRepeat: 20,
      maxInsert: 30,
    });
    const rand = prng(20261122);
    const badLink = (c: MdInline[]): boolean => c.some((n) => (n.t === 'a' && !/^(https?:|mailto:)/i.test(n.href)) || ('c' in n && badLink(n.c)));
    const badBlock = (b: MdBlock): boolean =>
      b.t === 'p' || b.t === 'h'
        ? badLink(b.c)
        : b.t === 'ul' || b.t === 'ol'
          ? b.items.some((i) => i.some(badBlock))
          : b.t === 'quote'
            ? b.c.some(badBlock)
            : false;
    for (let i = 0; i < 10_000; i++) {
      const input = i % 2 ? mutate('Some **bold** and [a link](https://x.example).\n\n- item\n', rand) : randomText(rand);
      let tree: MdBlock[];
      try {
        tree = markdownTree(input);
      } catch (error) {
        assert.fail(`markdownTree threw on ${JSON.stringify(input)}: ${(error as Error).message}`);
      }
      assert.ok(!tree.some(badBlock), `an unsafe link from ${JSON.stringify(input)}`);
    }
    // Plain words always come through.
    assert.match(markdownTreeText(markdownTree('alpha <i>beta</i> **gamma** [delta](x:y)')), /alpha <i>beta<\/i> gamma delta/);
  });
});
