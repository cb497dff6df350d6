// One suite every Store implementation must pass (SQLite now; PostgreSQL would run the same).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_ARTICLE_NUMBER, type NewArticle, type Store } from './types.ts';

function article(overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    sourceId: 'voa',
    key: 'guid:1',
    url: 'https://example.com/a/1.html',
    title: '标题',
    author: null,
    publishedMs: 1_679_431_144_000,
    content: '<p>正文</p>',
    sha256: 'a'.repeat(64),
    fingerprint: 'f'.repeat(64),
    seenMs: 1_700_000_000_000,
    seenWhere: 'feed',
    ...overrides,
  };
}

export function storeConformance(open: () => Store): void {
  const withStore = (fn: (store: Store) => void) => () => {
    const store = open();
    try {
      store.syncSources([
        { id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' },
        { id: 'rfi', name: '法广', url: 'https://feedx.net/rss/rfi.xml' },
      ]);
      fn(store);
    } finally {
      store.close();
    }
  };

  test('numbers count down per source from 0xFFFFF - 1', withStore((store) => {
    const first = store.insertArticle(article());
    const second = store.insertArticle(article({ key: 'guid:2' }));
    const other = store.insertArticle(article({ sourceId: 'rfi', key: 'guid:1' }));
    assert.equal(first.number, FIRST_ARTICLE_NUMBER);
    assert.equal(first.number, 1048574);
    assert.equal(second.number, 1048573);
    assert.equal(other.number, 1048574);
  }));

  test('an imported number is kept and later numbers continue below it', withStore((store) => {
    store.insertArticle(article({ key: 'url:a', number: 1008880 }));
    store.insertArticle(article({ key: 'url:b', number: 1008881 }));
    const next = store.insertArticle(article({ key: 'guid:new' }));
    assert.equal(next.number, 1008879);
  }));

  test('a reserved number is never given out', withStore((store) => {
    store.insertArticle(article({ key: 'url:a', number: 1008880 }));
    store.reserveNumber('voa', 1008879);
    store.reserveNumber('voa', 1048000); // above the counter: nothing to do
    assert.equal(store.insertArticle(article({ key: 'guid:new' })).number, 1008878);
    assert.throws(() => store.reserveNumber('nope', 1), /unknown source "nope"/);
  }));

  test('an odd imported number 0 does not drag the counter below zero', withStore((store) => {
    store.insertArticle(article({ key: 'url:zero', number: 0 }));
    const next = store.insertArticle(article({ key: 'guid:new' }));
    assert.equal(next.number, FIRST_ARTICLE_NUMBER);
  }));

  test('the same key twice in a source is refused, in another source allowed', withStore((store) => {
    store.insertArticle(article());
    assert.throws(() => store.insertArticle(article()), /store: adding article guid:1 to voa/);
    assert.doesNotThrow(() => store.insertArticle(article({ sourceId: 'rfi' })));
  }));

  test('finds articles by key and by url', withStore((store) => {
    const inserted = store.insertArticle(article());
    assert.equal(store.findArticleByKey('voa', 'guid:1')?.id, inserted.id);
    assert.equal(store.findArticleByUrl('voa', 'https://example.com/a/1.html')?.id, inserted.id);
    assert.equal(store.findArticleByKey('rfi', 'guid:1'), null);
    assert.equal(store.findArticleByKey('voa', 'guid:missing'), null);
  }));

  test('revisions are kept in order and the latest is current', withStore((store) => {
    const inserted = store.insertArticle(article());
    store.addRevision(inserted.id, {
      title: '新标题',
      url: inserted.url,
      content: '<p>改过的正文</p>',
      sha256: 'b'.repeat(64),
      fingerprint: 'e'.repeat(64),
      seenMs: 1_700_000_100_000,
      seenWhere: 'recheck',
    });
    const current = store.getArticle(inserted.id)!;
    assert.equal(current.title, '新标题');
    assert.equal(current.content, '<p>改过的正文</p>');
    assert.equal(current.revisionCount, 2);
    const revisions = store.listRevisions(inserted.id);
    assert.deepEqual(revisions.map((revision) => revision.seq), [1, 2]);
    assert.equal(revisions[0]?.content, '<p>正文</p>');
    // Where the text came from is optional on the way in and always present (null) on the way out.
    assert.deepEqual(revisions.map(({ fetchedUrl, httpStatus, etag }) => [fetchedUrl, httpStatus, etag]), [[null, null, null], [null, null, null]]);
  }));

  test('each revision keeps where its text came from: the URL fetched, the HTTP status and the ETag', withStore((store) => {
    const inserted = store.insertArticle(article({ fetchedUrl: 'https://feedx.net/rss/mgzy1.xml', httpStatus: 200, etag: '"feed-1"' }));
    store.addRevision(inserted.id, {
      title: '标题',
      url: inserted.url,
      content: '<p>改过的正文</p>',
      sha256: 'b'.repeat(64),
      fingerprint: 'e'.repeat(64),
      seenMs: 1_700_000_100_000,
      seenWhere: 'recheck',
      fetchedUrl: 'https://example.com/a/1.html?amp',
      httpStatus: 200,
      etag: null,
    });
    store.addRevision(inserted.id, {
      title: '标题',
      url: inserted.url,
      content: '<p>页面</p>',
      sha256: 'c'.repeat(64),
      fingerprint: 'd'.repeat(64),
      seenMs: 1_700_000_200_000,
      seenWhere: 'page',
      fetchedUrl: inserted.url,
      httpStatus: 304,
      etag: 'W/"p"',
    });
    const expected = [
      ['https://feedx.net/rss/mgzy1.xml', 200, '"feed-1"'],
      ['https://example.com/a/1.html?amp', 200, null],
      [inserted.url, 304, 'W/"p"'],
    ];
    assert.deepEqual(store.listRevisions(inserted.id).map(({ fetchedUrl, httpStatus, etag }) => [fetchedUrl, httpStatus, etag]), expected);
    assert.deepEqual(store.listRevisionsBetween(0, 2e12).map(({ fetchedUrl, httpStatus, etag }) => [fetchedUrl, httpStatus, etag]), expected);
  }));

  test('checks and health events in a span of time, oldest first, with the article URL each check requested', withStore((store) => {
    const a = store.insertArticle(article({ seenMs: 1000 }));
    store.recordCheck({ articleId: a.id, checkedMs: 3000, outcome: 'gone', httpStatus: 404, finalUrl: a.url, detail: 'HTTP 404' });
    store.recordCheck({ articleId: a.id, checkedMs: 1500, outcome: 'alive', httpStatus: 200, finalUrl: a.url, detail: null });
    store.addRevision(a.id, { title: '标题', url: 'https://example.com/a/1-new.html', content: '<p>新</p>', sha256: 'b'.repeat(64), fingerprint: 'e'.repeat(64), seenMs: 2000, seenWhere: 'feed' });
    const checks = store.listChecksBetween(0, 5000);
    assert.deepEqual(checks.map((c) => [c.checkedMs, c.outcome, c.httpStatus, c.sourceId, c.number, c.articleUrl]), [
      [1500, 'alive', 200, 'voa', FIRST_ARTICLE_NUMBER, 'https://example.com/a/1.html'],
      [3000, 'gone', 404, 'voa', FIRST_ARTICLE_NUMBER, 'https://example.com/a/1-new.html'],
    ]);
    assert.equal(checks[1]?.detail, 'HTTP 404');
    assert.deepEqual(store.listChecksBetween(1600, 3000), []);
    store.recordHealthEvent({ sourceId: 'voa', atMs: 2000, kind: 'stale', feedUrl: null, detail: 'no new item' });
    store.recordHealthEvent({ sourceId: 'rfi', atMs: 1000, kind: 'fallback', feedUrl: 'https://b.example/feed', detail: 'primary failed' });
    assert.deepEqual(store.listHealthEventsBetween(0, 3000).map((e) => [e.atMs, e.sourceId, e.kind, e.feedUrl, e.detail]), [
      [1000, 'rfi', 'fallback', 'https://b.example/feed', 'primary failed'],
      [2000, 'voa', 'stale', null, 'no new item'],
    ]);
    assert.deepEqual(store.listHealthEventsBetween(2001, 3000), []);
  }));

  test('pending publish lists new and changed articles until marked', withStore((store) => {
    const a = store.insertArticle(article());
    assert.deepEqual(store.pendingPublish(100).map((x) => x.id), [a.id]);
    store.markPublished([a.id]);
    assert.deepEqual(store.pendingPublish(100), []);
    store.setStatus(a.id, 'removed', 1_700_000_200_000);
    assert.deepEqual(store.pendingPublish(100).map((x) => x.id), [a.id]);
    assert.equal(store.getArticle(a.id)?.status, 'removed');
  }));

  test('pending publish comes in batches by id, and can be cleared without reading', withStore((store) => {
    const ids = [1, 2, 3, 4, 5].map((n) => store.insertArticle(article({ key: `b${n}` })).id);
    assert.deepEqual(store.pendingPublish(2).map((x) => x.id), ids.slice(0, 2));
    assert.deepEqual(store.pendingPublish(2, ids[1]).map((x) => x.id), ids.slice(2, 4));
    assert.deepEqual(store.pendingPublish(2, ids[4]), []);
    store.markAllPublished();
    assert.deepEqual(store.pendingPublish(10), []);
  }));

  test('latest lists are newest first and limited', withStore((store) => {
    store.insertArticle(article({ key: 'k1', publishedMs: 1000 }));
    store.insertArticle(article({ key: 'k2', publishedMs: 3000 }));
    store.insertArticle(article({ key: 'k3', publishedMs: 2000 }));
    assert.deepEqual(store.listLatest('voa', 2).map((x) => x.key), ['k2', 'k3']);
    assert.equal(store.countArticles('voa'), 3);
    assert.equal(store.countArticles(), 3);
  }));

  test('fetch state round-trips', withStore((store) => {
    const state = store.getFetchState('voa')!;
    assert.equal(state.etag, null);
    store.saveFetchState({ ...state, etag: '"abc"', lastModified: 'Tue, 21 Mar 2023 20:39:04 GMT', consecutiveFailures: 2 });
    const saved = store.getFetchState('voa')!;
    assert.equal(saved.etag, '"abc"');
    assert.equal(saved.consecutiveFailures, 2);
    assert.throws(() => store.saveFetchState({ ...state, sourceId: 'nope' }), /unknown source "nope"/);
  }));

  test('runs record per-source outcomes', withStore((store) => {
    const runId = store.startRun(1000);
    store.finishRun(runId, 2000, [
      { sourceId: 'voa', outcome: 'ok', newCount: 1, changedCount: 0, unchangedCount: 3, errorKind: null, errorMessage: null },
      { sourceId: 'rfi', outcome: 'failed', newCount: 0, changedCount: 0, unchangedCount: 0, errorKind: 'timeout', errorMessage: 'slow' },
    ]);
    const [run] = store.lastRuns(1);
    assert.equal(run?.endedMs, 2000);
    assert.deepEqual(run?.sources.map((s) => [s.sourceId, s.outcome, s.errorKind]), [
      ['rfi', 'failed', 'timeout'],
      ['voa', 'ok', null],
    ]);
  }));

  test('setStatus records removed and restored events, and only on a change', withStore((store) => {
    const a = store.insertArticle(article());
    store.setStatus(a.id, 'live', 1000);
    assert.deepEqual(store.listStatusEvents(a.id), []);
    assert.equal(store.getArticle(a.id)?.statusChangedMs, null);
    store.setStatus(a.id, 'removed', 2000);
    store.setStatus(a.id, 'removed', 2500);
    store.setStatus(a.id, 'live', 3000);
    assert.deepEqual(store.listStatusEvents(a.id).map((e) => [e.kind, e.atMs, e.articleId]), [
      ['removed', 2000, a.id],
      ['restored', 3000, a.id],
    ]);
    const current = store.getArticle(a.id)!;
    assert.equal(current.status, 'live');
    assert.equal(current.statusChangedMs, 3000);
  }));

  test('removed articles are listed most recently removed first', withStore((store) => {
    const a = store.insertArticle(article({ key: 'a' }));
    const b = store.insertArticle(article({ key: 'b' }));
    const c = store.insertArticle(article({ sourceId: 'rfi', key: 'c' }));
    store.setStatus(a.id, 'removed', 1000);
    store.setStatus(c.id, 'removed', 3000);
    store.setStatus(b.id, 'removed', 2000);
    assert.deepEqual(store.listRemoved().map((x) => x.key), ['c', 'b', 'a']);
    assert.deepEqual(store.listRemoved(1).map((x) => x.key), ['c']);
    store.setStatus(c.id, 'live', 4000);
    assert.deepEqual(store.listRemoved().map((x) => x.key), ['b', 'a']);
  }));

  test('checks are kept, newest first', withStore((store) => {
    const a = store.insertArticle(article());
    const first = store.recordCheck({ articleId: a.id, checkedMs: 1000, outcome: 'alive', httpStatus: 200, finalUrl: a.url, detail: null });
    store.recordCheck({ articleId: a.id, checkedMs: 2000, outcome: 'gone', httpStatus: 404, finalUrl: a.url, detail: 'HTTP 404' });
    store.recordCheck({ articleId: a.id, checkedMs: 3000, outcome: 'error', httpStatus: null, finalUrl: null, detail: 'timeout' });
    assert.ok(first.id > 0);
    assert.deepEqual(store.listChecks(a.id).map((c) => [c.checkedMs, c.outcome, c.httpStatus]), [
      [3000, 'error', null],
      [2000, 'gone', 404],
      [1000, 'alive', 200],
    ]);
    assert.deepEqual(store.listChecks(a.id, 1)[0], {
      id: store.listChecks(a.id, 1)[0]!.id,
      articleId: a.id,
      checkedMs: 3000,
      outcome: 'error',
      httpStatus: null,
      finalUrl: null,
      detail: 'timeout',
    });
    assert.throws(() => store.recordCheck({ articleId: a.id, checkedMs: 1, outcome: 'maybe' as never, httpStatus: null, finalUrl: null, detail: null }));
  }));

  test('the check schedule: unscheduled, then due most overdue first', withStore((store) => {
    const a = store.insertArticle(article({ key: 'a' }));
    const b = store.insertArticle(article({ key: 'b' }));
    const noUrl = store.insertArticle(article({ key: 'c', url: null }));
    assert.deepEqual(store.listUnscheduled(10).map((x) => x.id), [a.id, b.id]);
    assert.equal(store.listUnscheduled(10)[0]?.nextCheckMs, null);
    assert.deepEqual(store.listDueChecks(Number.MAX_SAFE_INTEGER, 10), []);
    store.setNextCheck(a.id, 5000);
    store.setNextCheck(b.id, 3000);
    assert.deepEqual(store.listUnscheduled(10), []);
    assert.deepEqual(store.listDueChecks(2999, 10), []);
    assert.deepEqual(store.listDueChecks(10_000, 10).map((x) => [x.id, x.nextCheckMs]), [[b.id, 3000], [a.id, 5000]]);
    assert.deepEqual(store.listDueChecks(10_000, 1).map((x) => x.id), [b.id]);
    assert.equal(store.countDueChecks(10_000), 2);
    assert.equal(store.countDueChecks(4000), 1);
    assert.equal(store.listDueChecks(4000, 10)[0]?.content, '<p>正文</p>');
    assert.ok(!store.listDueChecks(10_000, 10).some((x) => x.id === noUrl.id));
  }));

  test('an article is found by its canonical link: the same article reached through another feed', withStore((store) => {
    const a = store.insertArticle(article({ key: 'guid:feedx-1', url: 'https://www.bbc.com/zhongwen/articles/c1/simp', feedUrl: 'https://feedx.net/rss/bbc.xml' }));
    assert.deepEqual(store.findArticleByLink('voa', 'https://bbc.com/zhongwen/articles/c1/simp?at_medium=RSS&at_campaign=rss'), {
      article: store.getArticle(a.id),
      feedUrl: 'https://feedx.net/rss/bbc.xml',
    });
    assert.equal(store.findArticleByLink('voa', 'http://www.bbc.com/zhongwen/articles/c1/simp/#x')?.article.id, a.id);
    assert.equal(store.findArticleByLink('rfi', 'https://www.bbc.com/zhongwen/articles/c1/simp'), null);
    assert.equal(store.findArticleByLink('voa', 'https://www.bbc.com/zhongwen/articles/c2/simp'), null);
    // A revision that moves the article to a new link keeps the old one known too.
    store.addRevision(a.id, { title: 't', url: 'https://www.bbc.com/zhongwen/articles/c1-new/simp', content: 'x', sha256: 's', fingerprint: 'f', seenMs: 1, seenWhere: 'recheck' });
    assert.equal(store.findArticleByLink('voa', 'https://www.bbc.com/zhongwen/articles/c1-new/simp')?.article.id, a.id);
    assert.equal(store.findArticleByLink('voa', 'https://www.bbc.com/zhongwen/articles/c1/simp')?.article.id, a.id);
    // The first article keeps a link two items share.
    store.insertArticle(article({ key: 'guid:other', url: 'https://www.bbc.com/zhongwen/articles/c1/simp' }));
    assert.equal(store.findArticleByLink('voa', 'https://www.bbc.com/zhongwen/articles/c1/simp')?.article.id, a.id);
    store.insertArticle(article({ key: 'guid:nolink', url: null }));
    const imported = store.insertArticle(article({ key: 'url:https://example.com/imported', url: 'https://example.com/imported', seenWhere: 'import' }));
    assert.deepEqual(store.findArticleByLink('voa', 'https://example.com/imported'), { article: store.getArticle(imported.id), feedUrl: null });
  }));

  test('feed state is kept per feed URL of a source', withStore((store) => {
    assert.equal(store.getFeedState('voa', 'https://a.example/feed'), null);
    const state = {
      sourceId: 'voa',
      url: 'https://a.example/feed',
      etag: '"a"',
      lastModified: null,
      lastAttemptMs: 1000,
      lastSuccessMs: 1000,
      consecutiveFailures: 0,
      lastError: null,
      newestItemMs: 900,
      medianIntervalMs: 3_600_000,
    };
    store.saveFeedState(state);
    store.saveFeedState({ ...state, url: 'https://b.example/feed', etag: '"b"', consecutiveFailures: 2, lastError: 'http-status: 500' });
    assert.deepEqual(store.getFeedState('voa', 'https://a.example/feed'), state);
    assert.equal(store.getFeedState('voa', 'https://b.example/feed')?.etag, '"b"');
    assert.equal(store.getFeedState('voa', 'https://b.example/feed')?.consecutiveFailures, 2);
    assert.equal(store.getFeedState('rfi', 'https://a.example/feed'), null);
    store.saveFeedState({ ...state, etag: null, newestItemMs: 2000 });
    assert.equal(store.getFeedState('voa', 'https://a.example/feed')?.newestItemMs, 2000);
    assert.throws(() => store.saveFeedState({ ...state, sourceId: 'nope' }), /store: saving feed state of nope/);
  }));

  test('source health round-trips', withStore((store) => {
    assert.equal(store.getSourceHealth('voa'), null);
    const health = { sourceId: 'voa', activeUrl: 'https://b.example/feed', staleSinceMs: 5, failingSinceMs: null, selectorMisses: 3, selectorsMissingSinceMs: 7 };
    store.saveSourceHealth(health);
    assert.deepEqual(store.getSourceHealth('voa'), health);
    store.saveSourceHealth({ ...health, activeUrl: null, staleSinceMs: null, selectorMisses: 0, selectorsMissingSinceMs: null });
    assert.equal(store.getSourceHealth('voa')?.activeUrl, null);
    assert.equal(store.getSourceHealth('voa')?.selectorMisses, 0);
    assert.throws(() => store.saveSourceHealth({ ...health, sourceId: 'nope' }), /store: saving health of nope/);
  }));

  test('health events are kept, newest first, per source or all', withStore((store) => {
    const first = store.recordHealthEvent({ sourceId: 'voa', atMs: 1000, kind: 'fallback', feedUrl: 'https://b.example/feed', detail: 'primary failed' });
    store.recordHealthEvent({ sourceId: 'rfi', atMs: 2000, kind: 'stale', feedUrl: null, detail: 'no new item' });
    store.recordHealthEvent({ sourceId: 'voa', atMs: 3000, kind: 'recovered', feedUrl: 'https://a.example/feed', detail: 'back' });
    assert.ok(first.id > 0);
    assert.deepEqual(store.listHealthEvents(10).map((e) => [e.sourceId, e.kind, e.atMs]), [
      ['voa', 'recovered', 3000],
      ['rfi', 'stale', 2000],
      ['voa', 'fallback', 1000],
    ]);
    assert.deepEqual(store.listHealthEvents(1, 'voa')[0], { id: store.listHealthEvents(1, 'voa')[0]!.id, sourceId: 'voa', atMs: 3000, kind: 'recovered', feedUrl: 'https://a.example/feed', detail: 'back' });
    assert.deepEqual(store.listHealthEvents(10, 'voa').map((e) => e.kind), ['recovered', 'fallback']);
    assert.throws(() => store.recordHealthEvent({ sourceId: 'voa', atMs: 1, kind: 'bad' as never, feedUrl: null, detail: '' }));
  }));

  test('a failed transaction leaves nothing behind', withStore((store) => {
    assert.throws(() =>
      store.transaction(() => {
        store.insertArticle(article({ key: 'tx1' }));
        throw new Error('boom');
      }),
    );
    assert.equal(store.findArticleByKey('voa', 'tx1'), null);
    assert.equal(store.insertArticle(article({ key: 'tx2' })).number, FIRST_ARTICLE_NUMBER);
  }));

  test('an imported file name is kept; numbering below it is numeric, never by name', withStore((store) => {
    const named = store.insertArticle(article({ key: 'old', number: 1_000_000, fileName: '1000000_旧文章.md' }));
    assert.equal(store.getArticle(named.id)?.fileName, '1000000_旧文章.md');
    store.insertArticle(article({ key: 'older', number: 999_999 }));
    // 999998 sorts after 1000000 as a string; it is still the next number down.
    assert.equal(store.insertArticle(article({ key: 'new' })).number, 999_998);
    assert.equal(store.getArticleByNumber('voa', 999_999)?.fileName ?? null, null);
  }));

  test('published blob ids are recorded, listed in batches, and an article can be marked to write again', withStore((store) => {
    const ids = [1, 2, 3].map((n) => store.insertArticle(article({ key: `p${n}` })).id);
    assert.deepEqual(store.listPublishedBlobs(10), []);
    store.recordPublished(ids.map((id) => ({ id, fileBlob: `blob${id}` })));
    assert.deepEqual(store.pendingPublish(10), []);
    assert.deepEqual(store.listPublishedBlobs(2).map((row) => [row.id, row.fileBlob]), [[ids[0], `blob${ids[0]}`], [ids[1], `blob${ids[1]}`]]);
    assert.deepEqual(store.listPublishedBlobs(2, ids[1]).map((row) => row.id), [ids[2]]);
    store.markUnpublished([ids[1]!]);
    assert.deepEqual(store.pendingPublish(10).map((x) => x.id), [ids[1]]);
    store.markAllPublished();
    assert.equal(store.listPublishedBlobs(10).find((row) => row.id === ids[1])?.fileBlob, `blob${ids[1]}`);
    store.recordPublishedFiles(new Map([['lists/美国之音.md', 'l1']]));
    store.recordPublishedFiles(new Map([['lists/美国之音.md', 'l2'], ['lists/法广.md', 'l3']]));
    assert.deepEqual([...store.publishedFiles()].sort(), [['lists/法广.md', 'l3'], ['lists/美国之音.md', 'l2']]);
  }));

  test('revisions and status events in a span of time, oldest first, with their article\'s place', withStore((store) => {
    assert.equal(store.firstRevisionMs(), null);
    const a = store.insertArticle(article({ key: 'm1', seenMs: 2000 }));
    store.insertArticle(article({ key: 'm2', seenMs: 1000, fileName: '1048573_标题.md' }));
    store.addRevision(a.id, { title: '新', url: a.url, content: '<p>新</p>', sha256: 'b'.repeat(64), fingerprint: 'c'.repeat(64), seenMs: 3000, seenWhere: 'page' });
    store.setStatus(a.id, 'removed', 2500);
    assert.equal(store.firstRevisionMs(), 1000);
    const revisions = store.listRevisionsBetween(1000, 3000);
    assert.deepEqual(revisions.map((r) => [r.seenMs, r.number, r.seq, r.fileName, r.key]), [
      [1000, FIRST_ARTICLE_NUMBER - 1, 1, '1048573_标题.md', 'm2'],
      [2000, FIRST_ARTICLE_NUMBER, 1, null, 'm1'],
    ]);
    assert.equal(store.listRevisionsBetween(3000, 4000)[0]?.sha256, 'b'.repeat(64));
    assert.deepEqual(store.listStatusEventsBetween(0, 5000).map((e) => [e.atMs, e.kind, e.sourceId, e.number]), [[2500, 'removed', 'voa', FIRST_ARTICLE_NUMBER]]);
    assert.deepEqual(store.listStatusEventsBetween(2600, 5000), []);
  }));
}
