// UI check of "Open Issue from Template…" in Chromium against the loopback fake GitHub: sign in with a
// token, pick the demo's "Action item" form, fill it (title, a textarea, the owner and due pickers),
// screenshot it (docs/images/issue-form.png with ASYNC_DESK_UPDATE_DOC_IMAGES=1), create the issue,
// and check the request GitHub received: the exact body, the owner as assignee, the due line in the
// owner's zone, no request GitHub would reject.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startWorkbench, defaultWorkspace, runCommand, pickQuickItem, webviewFrame, docScreenshot, waitFor, log } from './helpers.mjs';
import { repoRoot } from '../../scripts/lib/util.mjs';

const require = createRequire(import.meta.url);
const TOKEN = 'ghp_asyncDeskUiTestToken0000000000000000';

describe('Issue form from a template', function () {
  this.timeout(180_000);
  let github;
  let wb;
  let page;

  before(async () => {
    const { startFakeGitHub } = require(join(repoRoot, 'out', 'test', 'fakeGithub', 'server.js'));
    github = await startFakeGitHub({
      tokens: { [TOKEN]: 'alice' },
      users: ['alice', 'bob', 'carol'],
      repos: { 'acme/payments': { collaborators: { alice: 'push', bob: 'push', carol: 'push' }, labels: ['action-item', 'bug'] } },
    });
    wb = await startWorkbench(defaultWorkspace(), {
      name: 'ui-issues',
      viewport: { width: 1280, height: 900 },
      settings: { 'asyncDesk.me': 'alice', 'asyncDesk.github.apiUrl': github.url },
      prepare(workspace) {
        mkdirSync(join(workspace, '.git'), { recursive: true });
        writeFileSync(join(workspace, '.git', 'config'), '[remote "origin"]\n\turl = https://github.com/acme/payments.git\n');
      },
    });
    page = wb.page;
  });

  after(async () => {
    await wb?.close();
    await github?.close();
  });

  it('fills the Action item form, picks the owner and due date, and creates the issue', async () => {
    await runCommand(page, 'Async Desk: Sign in with a Token');
    // The command's own input box (same widget as the palette): wait for its prompt before typing.
    await page.locator('.quick-input-widget', { hasText: 'personal access token' }).waitFor({ state: 'visible', timeout: 15_000 });
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill(TOKEN);
    await input.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });

    await runCommand(page, 'Async Desk: Open Issue from Template…');
    await pickQuickItem(page, 'Action item');
    const frame = await webviewFrame(page, 'New issue: Action item', 45_000);
    const title = frame.locator('#field-title input');
    await title.waitFor({ state: 'visible', timeout: 20_000 });
    // The form's markdown element is formatted as on github.com: bold text, not asterisks.
    const note = frame.locator('.markdown-note');
    assert.equal(await note.locator('strong').first().textContent(), "the owner's");
    assert.doesNotMatch((await note.textContent()) ?? '', /\*\*/);
    await title.fill('Action: move the settlement import to 04:00 UTC');
    await frame.locator('#field-what textarea').fill("Move the nightly settlement import from 02:00 to 04:00 UTC so it runs after the PSP's late files.");

    // Owner: Bob (America/Los_Angeles), from the team file, shown with his time and state.
    // The options are <li> rows in the select's shadow root (Playwright's locators pierce it).
    await frame.locator('#field-owner').click();
    await frame.locator('#field-owner li', { hasText: '(@bob)' }).first().click();
    await waitFor(async () => /Their time now: /.test((await frame.locator('#owner-hint').textContent()) ?? ''), {
      message: "Bob's local time under the owner picker",
    });

    // Due: +2 workdays, in Bob's day.
    await frame.locator('#field-due').click();
    await frame.locator('#field-due li', { hasText: '+2 workdays' }).first().click();
    await waitFor(async () => (await frame.locator('#field-due').evaluate((e) => e.value)) === '+2 workdays', { message: 'the +2 workdays choice' });
    // The option names the date the host resolved for Bob; the hint below follows once the choice is derived.
    // Both follow the owner: read them together until they agree (the option may still name the
    // previous owner's zone for a moment).
    const optionText = async () => ((await frame.locator('#field-due vscode-option[value="+2 workdays"]').textContent()) ?? '').replace(/^\+2 workdays: /, '');
    await waitFor(
      async () => {
        const option = await optionText();
        return option.includes('America/Los_Angeles') && ((await frame.locator('#due-hint').textContent()) ?? '').startsWith(`${option} for them · `);
      },
      { message: "the +2 workdays option and the due hint in Bob's zone" },
    );
    const hint = (await frame.locator('#due-hint').textContent()) ?? '';
    const preview = await frame.locator('#preview').textContent();
    log(`due: ${hint}\npreview:\n${preview}`);
    // Bob works 08:00-16:30 in Los Angeles: the due line is the end of his day, in his zone.
    const [, day, month, time] = /^\w{3} (\d+) (\w{3}) (\d\d:\d\d) America\/Los_Angeles for them/.exec(hint);
    assert.equal(time, '16:30');
    const line = /\n\nDue: (\d{4})-(\d{2})-(\d{2}) \(\w{3}\) 16:30 America\/Los_Angeles, end of day for @bob$/.exec(preview);
    assert.ok(line, preview);
    assert.equal(Number(line[3]), Number(day));
    assert.equal(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(line[2]) - 1], month);
    await docScreenshot(page, 'issue-form');

    await frame.locator('#submit').click();
    let banner = '';
    await waitFor(async () => /Created #1 /.test((banner = (await frame.locator('#result').textContent()) ?? '')), {
      timeout: 30_000,
      message: () => `the created banner; it says "${banner}"`,
    });
    const post = github.requests.find((r) => r.method === 'POST' && r.path === '/repos/acme/payments/issues');
    assert.ok(post, `no POST; requests: ${github.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ')}`);
    assert.equal(post.body.title, 'Action: move the settlement import to 04:00 UTC');
    assert.deepEqual(post.body.assignees, ['bob']);
    assert.ok(post.body.labels.includes('action-item'));
    assert.equal(post.body.body.replace(/\n\n<!-- async-desk:draft=[\w.-]+ -->$/, ''), preview, 'GitHub received exactly the preview');
    assert.deepEqual(github.violations, []);
    await docScreenshot(page, 'issue-created');
  });
});
