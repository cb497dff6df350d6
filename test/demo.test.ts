// `newsvault demo`: offline, from bundled feeds; full text from article pages; images archived once.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../src/cli/main.ts';
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
});
