import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRemoteUrl, pickRepository, remotesFromGitConfig, webHostForApiUrl } from '../../../src/core/github/remote';

const acme = { owner: 'acme', repo: 'ledger', host: 'github.com' };

describe('git remotes -> GitHub repository', () => {
  it('parses github.com remotes in every form git writes', () => {
    for (const url of [
      'https://github.com/acme/ledger.git',
      'https://github.com/acme/ledger',
      'https://github.com/acme/ledger/',
      'https://github.com/acme/ledger.git/',
      'http://github.com/acme/ledger.git',
      'https://user:secret-token@github.com/acme/ledger.git',
      'https://www.github.com/acme/ledger',
      'HTTPS://GitHub.com/acme/ledger.GIT',
      'git@github.com:acme/ledger.git',
      'git@github.com:acme/ledger',
      'git@github.com:/acme/ledger.git',
      'github.com:acme/ledger.git',
      'ssh://git@github.com/acme/ledger.git',
      'ssh://git@github.com:22/acme/ledger.git',
      'ssh://git@ssh.github.com:443/acme/ledger.git',
      'git+ssh://git@github.com/acme/ledger.git',
      'git://github.com/acme/ledger.git',
      '  https://github.com/acme/ledger.git\n',
    ]) {
      assert.deepEqual(parseRemoteUrl(url), acme, url);
    }
    // Names keep their case and may contain dots, underscores and dashes.
    assert.deepEqual(parseRemoteUrl('git@github.com:Acme-Corp/my.repo_name-2.git'), { owner: 'Acme-Corp', repo: 'my.repo_name-2', host: 'github.com' });
    assert.deepEqual(parseRemoteUrl('https://github.com/acme/dotfiles.github.io.git'), { owner: 'acme', repo: 'dotfiles.github.io', host: 'github.com' });
  });

  it('GitHub Enterprise Server hosts only when the API URL names them', () => {
    const ghes = webHostForApiUrl('https://ghe.example.com/api/v3');
    assert.equal(ghes, 'ghe.example.com');
    for (const url of [
      'https://ghe.example.com/acme/ledger.git',
      'git@ghe.example.com:acme/ledger.git',
      'ssh://git@ghe.example.com:2222/acme/ledger.git',
      'https://GHE.example.com/acme/ledger',
    ]) {
      assert.deepEqual(parseRemoteUrl(url, ghes), { owner: 'acme', repo: 'ledger', host: 'ghe.example.com' }, url);
      assert.equal(parseRemoteUrl(url), null, `${url} without the GHES host configured`);
    }
    // github.com stays GitHub with a GHES host configured.
    assert.deepEqual(parseRemoteUrl('git@github.com:acme/ledger.git', ghes), acme);
    // A web port is part of the https address, not of ssh.
    assert.deepEqual(parseRemoteUrl('https://ghe.example.com:8443/acme/ledger.git', 'ghe.example.com:8443'), {
      owner: 'acme',
      repo: 'ledger',
      host: 'ghe.example.com:8443',
    });
    assert.equal(parseRemoteUrl('https://ghe.example.com/acme/ledger.git', 'ghe.example.com:8443'), null);
    assert.deepEqual(parseRemoteUrl('git@ghe.example.com:acme/ledger.git', 'ghe.example.com:8443'), {
      owner: 'acme',
      repo: 'ledger',
      host: 'ghe.example.com:8443',
    });
    assert.equal(parseRemoteUrl('https://ghe.example.com.evil.test/acme/ledger.git', ghes), null);
  });

  it('anything else is not a GitHub repository', () => {
    for (const url of [
      '',
      'git@gitlab.com:acme/ledger.git',
      'https://gitlab.com/acme/ledger.git',
      'https://github.com.evil.test/acme/ledger.git',
      'https://evil.test/github.com/acme/ledger.git',
      'git@github-work:acme/ledger.git', // an ssh alias: the real host is unknown
      'https://github.com/acme',
      'https://github.com/acme/ledger/tree/main',
      'https://github.com/acme/../ledger',
      'https://github.com/-acme/ledger',
      'https://github.com/acme/led ger',
      'file:///srv/git/ledger.git',
      '/srv/git/ledger.git',
      '../ledger.git',
      'C:/repos/ledger.git',
      'C:\\repos\\ledger.git',
      'ftp://github.com/acme/ledger.git',
    ]) {
      assert.equal(parseRemoteUrl(url), null, url);
    }
  });

  it('API URL -> web host', () => {
    assert.equal(webHostForApiUrl('https://api.github.com'), 'github.com');
    assert.equal(webHostForApiUrl('https://API.GITHUB.COM/'), 'github.com');
    assert.equal(webHostForApiUrl('https://ghe.example.com/api/v3'), 'ghe.example.com');
    assert.equal(webHostForApiUrl('https://api.octocorp.ghe.com'), 'octocorp.ghe.com');
    assert.equal(webHostForApiUrl('http://127.0.0.1:4010'), '127.0.0.1:4010');
    assert.equal(webHostForApiUrl('not a url'), 'github.com');
  });

  it('reads remotes from .git/config as git does', () => {
    const config = [
      '\uFEFF[core]',
      '\trepositoryformatversion = 0',
      '\turl = https://github.com/not/a-remote.git',
      '[remote "upstream"]',
      '\turl = https://github.com/upstream/ledger.git',
      '\tfetch = +refs/heads/*:refs/remotes/upstream/*',
      '[Remote "origin"] # comment after the header',
      '\tURL = "git@github.com:acme/ledger.git" ; trailing comment',
      '\turl = https://example.com/second-url-is-ignored.git',
      '[branch "main"]',
      '\tremote = origin',
      '[remote "with space"]',
      '\tpushurl = git@github.com:acme/push-only.git',
      '[remote.old]',
      '\turl = https://github.com/old/style.git',
      '[remote "continued"]',
      '\turl = https://github.com/acme/\\',
      'continued.git',
      '[remote "empty"]',
      '[remote "quoted \\"name\\""] url = https://github.com/acme/one-line.git',
    ].join('\r\n');
    assert.deepEqual(remotesFromGitConfig(config), [
      { name: 'upstream', url: 'https://github.com/upstream/ledger.git' },
      { name: 'origin', url: 'git@github.com:acme/ledger.git' },
      { name: 'with space', url: 'git@github.com:acme/push-only.git' },
      { name: 'old', url: 'https://github.com/old/style.git' },
      { name: 'continued', url: 'https://github.com/acme/continued.git' },
      { name: 'quoted "name"', url: 'https://github.com/acme/one-line.git' },
    ]);
    assert.deepEqual(remotesFromGitConfig(''), []);
    assert.deepEqual(remotesFromGitConfig('[remote "x"\nurl = y\n\u0000[[['), []);
  });

  it('agrees with `git config` on a config written by git itself', function () {
    let dir: string | undefined;
    try {
      dir = mkdtempSync(join(tmpdir(), 'async-desk-remote-'));
      const file = join(dir, 'config');
      writeFileSync(file, '');
      const git = (...args: string[]) => execFileSync('git', ['config', '--file', file, ...args], { encoding: 'utf8' });
      try {
        git('remote.origin.url', 'git@github.com:acme/ledger.git');
      } catch {
        this.skip(); // no git on this machine
      }
      git('remote.fork.url', 'https://github.com/me/ledger.git # not a comment');
      git('remote.tricky;name.url', 'https://github.com/a/b;c.git');
      const expected = git('--get-regexp', '^remote\\..*\\.url$')
        .trim()
        .split('\n')
        .map((line) => {
          const [key, ...value] = line.split(' ');
          return { name: key!.slice('remote.'.length, -'.url'.length), url: value.join(' ') };
        });
      assert.deepEqual(remotesFromGitConfig(readFileSync(file, 'utf8')), expected);
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prefers origin, else the first remote on GitHub', () => {
    const remotes = [
      { name: 'gitlab', url: 'git@gitlab.com:acme/ledger.git' },
      { name: 'upstream', url: 'https://github.com/upstream/ledger.git' },
      { name: 'origin', url: 'git@github.com:acme/ledger.git' },
    ];
    assert.deepEqual(pickRepository(remotes), { ...acme, remote: 'origin' });
    assert.deepEqual(pickRepository(remotes.slice(0, 2)), { owner: 'upstream', repo: 'ledger', host: 'github.com', remote: 'upstream' });
    // origin on another host: the GitHub remote is used.
    assert.deepEqual(pickRepository([{ name: 'origin', url: 'git@gitlab.com:acme/ledger.git' }, remotes[1]!]), {
      owner: 'upstream',
      repo: 'ledger',
      host: 'github.com',
      remote: 'upstream',
    });
    assert.equal(pickRepository(remotes.slice(0, 1)), null);
    assert.equal(pickRepository([]), null);
  });
});
