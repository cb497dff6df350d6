// `newsvault demo`: offline, from bundled feeds; full text from article pages; images archived once.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../src/cli/main.ts';
import { serveCommand } from '../src/cli/serve.ts';
import { loadConfig } from '../src/config/index.ts';
import type { CliIo } from '../src/cli/io.ts';
import { git } from '../src/git/exec.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('newsvault demo', () => {
  const root = mkdtempSync(join(tmpdir(), 'nv-demo-'));
  const out: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: () => {},
    cwd: root,
    now: () => new Date('2024-01-01T00:00:00Z'),
    isTty: false,
    env: {},
  };

  test('runs a cycle against the bundled feeds and commits it', async () => {
    assert.equal(await main(['demo', root], io), 0, out.join(''));
    const archive = join(root, 'archive');
    assert.deepEqual(readdirSync(join(archive, 'articles')).sort(), ['dw', 'rfi', 'voa']);
    const log = await git(archive, ['log', '--format=%s']);
    assert.equal(log.stdout.trim(), 'archive: 4 new articles (dw 2, rfi 1, voa 1)');
  });

  test('leaves a config in its folder, with paths relative to it, and prints the serve and search commands', () => {
    const config = JSON.parse(readFileSync(join(root, 'newsvault.config.json'), 'utf8')) as { output: string; database: string };
    assert.equal(config.output, 'archive');
    assert.equal(config.database, 'newsvault.sqlite');
    const printed = out.join('');
    // io.cwd is the demo folder itself, so the commands need no `cd`.
    assert.match(printed, /^ {2}newsvault serve\b/m);
    assert.match(printed, /^ {2}newsvault search 习近平$/m);
    assert.ok(printed.includes(`newsvault search 习近平 --config ${join(root, 'newsvault.config.json')}`), printed);
    assert.match(printed, /`newsvault run` with this config fails/);
  });

  test('the printed search commands find the demo\'s articles, in the folder and from elsewhere', async () => {
    const here = { ...io, stdout: (text: string) => void found.push(text) };
    const found: string[] = [];
    assert.equal(await main(['search', '习近平', '--json'], here), 0);
    const hits = (JSON.parse(found.join('')) as { hits: { source: string }[] }).hits;
    assert.deepEqual(hits.map((hit) => hit.source).sort(), ['rfi', 'voa']);

    found.length = 0;
    const elsewhere = { ...here, cwd: tmpdir() };
    assert.equal(await main(['search', '习近平', '--json', '--config', join(root, 'newsvault.config.json')], elsewhere), 0);
    assert.equal((JSON.parse(found.join('')) as { hits: unknown[] }).hits.length, 2);
  });

  test('`newsvault serve` in the demo folder serves the demo\'s articles', async () => {
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    let url!: string;
    const listening = new Promise<void>((resolve) => {
      void serveCommand(loadConfig({ cwd: root }), { port: '0', until, onListening: (at) => ((url = at), resolve()) }, { ...io, stderr: () => {} });
    });
    await listening;
    try {
      const home = await fetch(`${url}/`);
      assert.equal(home.status, 200);
      const search = await (await fetch(`${url}/search?q=${encodeURIComponent('习近平')}`)).text();
      assert.match(search, /共 2 条结果/);
      assert.match(search, /<mark>习近平<\/mark>结束访俄/);
    } finally {
      stop();
    }
  });

  test('a summary-only source is archived with the full text of its article pages', () => {
    const archive = join(root, 'archive');
    const files = readdirSync(join(archive, 'articles/dw')).map((name) => readFileSync(join(archive, 'articles/dw', name), 'utf8'));
    const visit = files.find((file) => file.includes('德国总理访华'))!;
    assert.match(visit, /人权组织呼吁总理在会谈中公开提及被关押的维权人士和记者/);
    assert.match(visit, /中国连续多年是德国最大的贸易伙伴/);
    for (const boilerplate of ['本网站使用Cookie', '相关报道', '读者评论', '版本说明', 'dataLayer']) {
      assert.doesNotMatch(visit, new RegExp(boilerplate));
    }
    // Tracking parameters are gone from links inside the article.
    assert.doesNotMatch(visit, /utm_campaign/);
  });

  test('images are downloaded into media/ once and no article points at a remote image', () => {
    const archive = join(root, 'archive');
    const articles = listFiles(join(archive, 'articles'));
    for (const file of articles) {
      const body = readFileSync(file, 'utf8');
      for (const [, src] of body.matchAll(/<img[^>]*?\ssrc="([^"]*)"/g)) {
        assert.match(src!, /^\.\.\/\.\.\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/, `${file}: ${src}`);
      }
    }
    const media = listFiles(join(archive, 'media'));
    // Four distinct images; berlin.png appears in two articles but is stored once.
    assert.equal(media.length, 4, media.join('\n'));
    const referenced = new Set(articles.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/media\/([0-9a-f]{2}\/[0-9a-f]{64}\.png)/g)].map((m) => m[1])));
    assert.equal(referenced.size, 4);
  });

  test('the static site and its feeds link the archived images by working relative paths', () => {
    const site = join(root, 'archive', 'site');
    const pages = listFiles(site).filter((file) => file.endsWith('.html') || file.endsWith('.atom'));
    let images = 0;
    for (const page of pages) {
      const body = readFileSync(page, 'utf8');
      for (const [, src] of body.matchAll(/<img[^>]*?\ssrc="([^"]*)"/g)) {
        assert.doesNotMatch(src!, /^https?:/, `${page}: ${src}`);
        assert.ok(existsSync(join(dirname(page), src!)), `${page}: ${src} does not exist`);
        images++;
      }
      for (const [, src] of body.matchAll(/&lt;img[^&]*?\ssrc=&quot;([^&]*)&quot;/g)) {
        assert.ok(existsSync(join(dirname(page), src!)), `${page}: ${src} does not exist`);
        images++;
      }
    }
    assert.ok(images >= 5, `only ${images} images seen on the site`);
  });

  test('a second demo run into the same folder adds nothing', async () => {
    out.length = 0;
    assert.equal(await main(['demo', root], io), 0, out.join(''));
    assert.match(out.join(''), /0 new, 0 changed, 0 failed of 3 sources/);
    const log = await git(join(root, 'archive'), ['rev-list', '--count', 'HEAD']);
    assert.equal(log.stdout.trim(), '1');
  });

  test('never overwrites a config the demo did not write', async () => {
    const mine = mkdtempSync(join(tmpdir(), 'nv-demo-own-'));
    const text = '{ "output": "my-archive" }\n';
    writeFileSync(join(mine, 'newsvault.config.json'), text);
    const err: string[] = [];
    assert.equal(await main(['demo', mine], { ...io, stderr: (t) => void err.push(t) }), 2);
    assert.match(err.join(''), /newsvault\.config\.json exists and was not written by the demo/);
    assert.equal(readFileSync(join(mine, 'newsvault.config.json'), 'utf8'), text);
    assert.deepEqual(readdirSync(mine), ['newsvault.config.json']);
  });
});
