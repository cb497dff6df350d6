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

/** Runs the suite against fresh stores from `open`: every implementation (SQLite, PostgreSQL) passes the same tests. */
export function storeConformance(open: () => Store | Promise<Store>): void {
  const withStore = (fn: (store: Store) => Promise<void>) => async () => {
    const store = await open();
    try {
      await store.syncSources([
        { id: 'voa', name: '美国之音', url: 'https://feedx.net/rss/mgzy1.xml' },
        { id: 'rfi', name: '法广', url: 'https://feedx.net/rss/rfi.xml' },
      ]);
      await fn(store);
    } finally {
      await store.close();
    }
  };

  test('numbers count down per source from 0xFFFFF - 1', withStore(async (store) => {
    const first = await store.insertArticle(article());
    const second = await store.insertArticle(article({ key: 'guid:2' }));
    const other = await store.insertArticle(article({ sourceId: 'rfi', key: 'guid:1' }));
    assert.equal(first.number, FIRST_ARTICLE_NUMBER);
    assert.equal(first.number, 1048574);
    assert.equal(second.number, 1048573);
    assert.equal(other.number, 1048574);
  }));

  test('an imported number is kept and later numbers continue below it', withStore(async (store) => {
    await store.insertArticle(article({ key: 'url:a', number: 1008880 }));
    await store.insertArticle(article({ key: 'url:b', number: 1008881 }));
    const next = await store.insertArticle(article({ key: 'guid:new' }));
    assert.equal(next.number, 1008879);
  }));

  test('a reserved number is never given out', withStore(async (store) => {
    await store.insertArticle(article({ key: 'url:a', number: 1008880 }));
    await store.reserveNumber('voa', 1008879);
    await store.reserveNumber('voa', 1048000); // above the counter: nothing to do
    assert.equal((await store.insertArticle(article({ key: 'guid:new' }))).number, 1008878);
    await assert.rejects(store.reserveNumber('nope', 1), /unknown source "nope"/);
  }));

  test('an odd imported number 0 does not drag the counter below zero', withStore(async (store) => {
    await store.insertArticle(article({ key: 'url:zero', number: 0 }));
    const next = await store.insertArticle(article({ key: 'guid:new' }));
    assert.equal(next.number, FIRST_ARTICLE_NUMBER);
  }));

  test('the same key twice in a source is refused, in another source allowed', withStore(async (store) => {
    await store.insertArticle(article());
    await assert.rejects(store.insertArticle(article()), /store: adding article guid:1 to voa/);
    await assert.doesNotReject(store.insertArticle(article({ sourceId: 'rfi' })));
  }));

  test('finds articles by key and by url', withStore(async (store) => {
    const inserted = await store.insertArticle(article());
    assert.equal((await store.findArticleByKey('voa', 'guid:1'))?.id, inserted.id);
    assert.equal((await store.findArticleByUrl('voa', 'https://example.com/a/1.html'))?.id, inserted.id);
    assert.equal(await store.findArticleByKey('rfi', 'guid:1'), null);
    assert.equal(await store.findArticleByKey('voa', 'guid:missing'), null);
  }));

  test('revisions are kept in order and the latest is current', withStore(async (store) => {
    const inserted = await store.insertArticle(article());
    await store.addRevision(inserted.id, {
      title: '新标题',
      url: inserted.url,
      content: '<p>改过的正文</p>',
      sha256: 'b'.repeat(64),
      fingerprint: 'e'.repeat(64),
      seenMs: 1_700_000_100_000,
      seenWhere: 'recheck',
    });
    const current = (await store.getArticle(inserted.id))!;
    assert.equal(current.title, '新标题');
    assert.equal(current.content, '<p>改过的正文</p>');
    assert.equal(current.revisionCount, 2);
    const revisions = await store.listRevisions(inserted.id);
    assert.deepEqual(revisions.map((revision) => revision.seq), [1, 2]);
    assert.equal(revisions[0]?.content, '<p>正文</p>');
    // Where the text came from is optional on the way in and always present (null) on the way out.
    assert.deepEqual(revisions.map(({ fetchedUrl, httpStatus, etag }) => [fetchedUrl, httpStatus, etag]), [[null, null, null], [null, null, null]]);
  }));

  test('each revision keeps where its text came from: the URL fetched, the HTTP status and the ETag', withStore(async (store) => {
    const inserted = await store.insertArticle(article({ fetchedUrl: 'https://feedx.net/rss/mgzy1.xml', httpStatus: 200, etag: '"feed-1"' }));
    await store.addRevision(inserted.id, {
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
    await store.addRevision(inserted.id, {
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
    assert.deepEqual((await store.listRevisions(inserted.id)).map(({ fetchedUrl, httpStatus, etag }) => [fetchedUrl, httpStatus, etag]), expected);
    assert.deepEqual((await store.listRevisionsBetween(0, 2e12)).map(({ fetchedUrl, httpStatus, etag }) => [fetchedUrl, httpStatus, etag]), expected);
  }));

  test('checks and health events in a span of time, oldest first, with the article URL each check requested', withStore(async (store) => {
    const a = await store.insertArticle(article({ seenMs: 1000 }));
    await store.recordCheck({ articleId: a.id, checkedMs: 3000, outcome: 'gone', httpStatus: 404, finalUrl: a.url, detail: 'HTTP 404' });
    await store.recordCheck({ articleId: a.id, checkedMs: 1500, outcome: 'alive', httpStatus: 200, finalUrl: a.url, detail: null });
    await store.addRevision(a.id, { title: '标题', url: 'https://example.com/a/1-new.html', content: '<p>新</p>', sha256: 'b'.repeat(64), fingerprint: 'e'.repeat(64), seenMs: 2000, seenWhere: 'feed' });
    const checks = await store.listChecksBetween(0, 5000);
    assert.deepEqual(checks.map((c) => [c.checkedMs, c.outcome, c.httpStatus, c.sourceId, c.number, c.articleUrl]), [
      [1500, 'alive', 200, 'voa', FIRST_ARTICLE_NUMBER, 'https://example.com/a/1.html'],
      [3000, 'gone', 404, 'voa', FIRST_ARTICLE_NUMBER, 'https://example.com/a/1-new.html'],
    ]);
    assert.equal(checks[1]?.detail, 'HTTP 404');
    assert.deepEqual(await store.listChecksBetween(1600, 3000), []);
    await store.recordHealthEvent({ sourceId: 'voa', atMs: 2000, kind: 'stale', feedUrl: null, detail: 'no new item' });
    await store.recordHealthEvent({ sourceId: 'rfi', atMs: 1000, kind: 'fallback', feedUrl: 'https://b.example/feed', detail: 'primary failed' });
    assert.deepEqual((await store.listHealthEventsBetween(0, 3000)).map((e) => [e.atMs, e.sourceId, e.kind, e.feedUrl, e.detail]), [
      [1000, 'rfi', 'fallback', 'https://b.example/feed', 'primary failed'],
      [2000, 'voa', 'stale', null, 'no new item'],
    ]);
    assert.deepEqual(await store.listHealthEventsBetween(2001, 3000), []);
  }));

  test('pending publish lists new and changed articles until marked', withStore(async (store) => {
    const a = await store.insertArticle(article());
    assert.deepEqual((await store.pendingPublish(100)).map((x) => x.id), [a.id]);
    await store.markPublished([a.id]);
    assert.deepEqual(await store.pendingPublish(100), []);
    await store.setStatus(a.id, 'removed', 1_700_000_200_000);
    assert.deepEqual((await store.pendingPublish(100)).map((x) => x.id), [a.id]);
    assert.equal((await store.getArticle(a.id))?.status, 'removed');
  }));

  test('pending publish comes in batches by id, and can be cleared without reading', withStore(async (store) => {
    const ids: number[] = [];
    for (const n of [1, 2, 3, 4, 5]) ids.push((await store.insertArticle(article({ key: `b${n}` }))).id);
    assert.deepEqual((await store.pendingPublish(2)).map((x) => x.id), ids.slice(0, 2));
    assert.deepEqual((await store.pendingPublish(2, ids[1])).map((x) => x.id), ids.slice(2, 4));
    assert.deepEqual(await store.pendingPublish(2, ids[4]), []);
    await store.markAllPublished();
    assert.deepEqual(await store.pendingPublish(10), []);
  }));

  test('latest lists are newest first and limited', withStore(async (store) => {
    await store.insertArticle(article({ key: 'k1', publishedMs: 1000 }));
    await store.insertArticle(article({ key: 'k2', publishedMs: 3000 }));
    await store.insertArticle(article({ key: 'k3', publishedMs: 2000 }));
    assert.deepEqual((await store.listLatest('voa', 2)).map((x) => x.key), ['k2', 'k3']);
    assert.equal(await store.countArticles('voa'), 3);
    assert.equal(await store.countArticles(), 3);
  }));

  test('fetch state round-trips', withStore(async (store) => {
    const state = (await store.getFetchState('voa'))!;
    assert.equal(state.etag, null);
    await store.saveFetchState({ ...state, etag: '"abc"', lastModified: 'Tue, 21 Mar 2023 20:39:04 GMT', consecutiveFailures: 2 });
    const saved = (await store.getFetchState('voa'))!;
    assert.equal(saved.etag, '"abc"');
    assert.equal(saved.consecutiveFailures, 2);
    await assert.rejects(store.saveFetchState({ ...state, sourceId: 'nope' }), /unknown source "nope"/);
  }));

  test('runs record per-source outcomes', withStore(async (store) => {
    const runId = await store.startRun(1000);
    await store.finishRun(runId, 2000, [
      { sourceId: 'voa', outcome: 'ok', newCount: 1, changedCount: 0, unchangedCount: 3, errorKind: null, errorMessage: null },
      { sourceId: 'rfi', outcome: 'failed', newCount: 0, changedCount: 0, unchangedCount: 0, errorKind: 'timeout', errorMessage: 'slow' },
    ]);
    const [run] = await store.lastRuns(1);
    assert.equal(run?.endedMs, 2000);
    assert.deepEqual(run?.sources.map((s) => [s.sourceId, s.outcome, s.errorKind]), [
      ['rfi', 'failed', 'timeout'],
      ['voa', 'ok', null],
    ]);
  }));

  test('setStatus records removed and restored events, and only on a change', withStore(async (store) => {
    const a = await store.insertArticle(article());
    await store.setStatus(a.id, 'live', 1000);
    assert.deepEqual(await store.listStatusEvents(a.id), []);
    assert.equal((await store.getArticle(a.id))?.statusChangedMs, null);
    await store.setStatus(a.id, 'removed', 2000);
    await store.setStatus(a.id, 'removed', 2500);
    await store.setStatus(a.id, 'live', 3000);
    assert.deepEqual((await store.listStatusEvents(a.id)).map((e) => [e.kind, e.atMs, e.articleId]), [
      ['removed', 2000, a.id],
      ['restored', 3000, a.id],
    ]);
    const current = (await store.getArticle(a.id))!;
    assert.equal(current.status, 'live');
    assert.equal(current.statusChangedMs, 3000);
  }));

  test('removed articles are listed most recently removed first', withStore(async (store) => {
    const a = await store.insertArticle(article({ key: 'a' }));
    const b = await store.insertArticle(article({ key: 'b' }));
    const c = await store.insertArticle(article({ sourceId: 'rfi', key: 'c' }));
    await store.setStatus(a.id, 'removed', 1000);
    await store.setStatus(c.id, 'removed', 3000);
    await store.setStatus(b.id, 'removed', 2000);
    assert.deepEqual((await store.listRemoved()).map((x) => x.key), ['c', 'b', 'a']);
    assert.deepEqual((await store.listRemoved(1)).map((x) => x.key), ['c']);
    await store.setStatus(c.id, 'live', 4000);
    assert.deepEqual((await store.listRemoved()).map((x) => x.key), ['b', 'a']);
  }));

  test('checks are kept, newest first', withStore(async (store) => {
    const a = await store.insertArticle(article());
    const first = await store.recordCheck({ articleId: a.id, checkedMs: 1000, outcome: 'alive', httpStatus: 200, finalUrl: a.url, detail: null });
    await store.recordCheck({ articleId: a.id, checkedMs: 2000, outcome: 'gone', httpStatus: 404, finalUrl: a.url, detail: 'HTTP 404' });
    await store.recordCheck({ articleId: a.id, checkedMs: 3000, outcome: 'error', httpStatus: null, finalUrl: null, detail: 'timeout' });
    assert.ok(first.id > 0);
    assert.deepEqual((await store.listChecks(a.id)).map((c) => [c.checkedMs, c.outcome, c.httpStatus]), [
      [3000, 'error', null],
      [2000, 'gone', 404],
      [1000, 'alive', 200],
    ]);
    assert.deepEqual((await store.listChecks(a.id, 1))[0], {
      id: (await store.listChecks(a.id, 1))[0]!.id,
      articleId: a.id,
      checkedMs: 3000,
      outcome: 'error',
      httpStatus: null,
      finalUrl: null,
      detail: 'timeout',
    });
    await assert.rejects(store.recordCheck({ articleId: a.id, checkedMs: 1, outcome: 'maybe' as never, httpStatus: null, finalUrl: null, detail: null }));
  }));

  test('the check schedule: unscheduled, then due most overdue first', withStore(async (store) => {
    const a = await store.insertArticle(article({ key: 'a' }));
    const b = await store.insertArticle(article({ key: 'b' }));
    const noUrl = await store.insertArticle(article({ key: 'c', url: null }));
    assert.deepEqual((await store.listUnscheduled(10)).map((x) => x.id), [a.id, b.id]);
    assert.equal((await store.listUnscheduled(10))[0]?.nextCheckMs, null);
    assert.deepEqual(await store.listDueChecks(Number.MAX_SAFE_INTEGER, 10), []);
    await store.setNextChecks([{ articleId: a.id, atMs: 5000 }, { articleId: b.id, atMs: 3000 }]);
    assert.deepEqual(await store.listUnscheduled(10), []);
    assert.deepEqual(await store.listDueChecks(2999, 10), []);
    assert.deepEqual((await store.listDueChecks(10_000, 10)).map((x) => [x.id, x.nextCheckMs]), [[b.id, 3000], [a.id, 5000]]);
    assert.deepEqual((await store.listDueChecks(10_000, 1)).map((x) => x.id), [b.id]);
    assert.equal(await store.countDueChecks(10_000), 2);
    assert.equal(await store.countDueChecks(4000), 1);
    assert.equal((await store.listDueChecks(4000, 10))[0]?.content, '<p>正文</p>');
    assert.ok(!(await store.listDueChecks(10_000, 10)).some((x) => x.id === noUrl.id));
  }));

  test('first check times are set only where there is none yet', withStore(async (store) => {
    const a = await store.insertArticle(article({ key: 'a' }));
    const b = await store.insertArticle(article({ key: 'b' }));
    await store.setNextChecks([{ articleId: a.id, atMs: 9000 }]);
    await store.scheduleFirstChecks([{ articleId: a.id, atMs: 3000 }, { articleId: b.id, atMs: 4000 }]);
    assert.deepEqual((await store.listDueChecks(10_000, 10)).map((x) => [x.id, x.nextCheckMs]), [[b.id, 4000], [a.id, 9000]]);
    await store.scheduleFirstChecks([]);
  }));

  test('due checks of some sources only', withStore(async (store) => {
    const a = await store.insertArticle(article({ key: 'a' }));
    const b = await store.insertArticle(article({ key: 'b', sourceId: 'rfi' }));
    await store.setNextChecks([{ articleId: a.id, atMs: 5000 }, { articleId: b.id, atMs: 3000 }]);
    assert.deepEqual((await store.listDueChecks(10_000, 10, ['voa'])).map((x) => x.id), [a.id]);
    assert.deepEqual((await store.listDueChecks(10_000, 10, ['rfi', 'voa'])).map((x) => x.id), [b.id, a.id]);
    assert.deepEqual(await store.listDueChecks(10_000, 10, []), []);
    assert.equal(await store.countDueChecks(10_000, ['rfi']), 1);
    assert.equal(await store.countDueChecks(10_000, []), 0);
    assert.equal(await store.countDueChecks(10_000), 2);
  }));

  test('re-check leases: one holder at a time; not after a check recorded since listing; a lost holder\'s lease lapses', withStore(async (store) => {
    const a = await store.insertArticle(article({ key: 'a' }));
    const b = await store.insertArticle(article({ key: 'b' }));
    await store.setNextChecks([{ articleId: a.id, atMs: 3000 }, { articleId: b.id, atMs: 3000 }]);
    assert.equal(await store.claimRecheck(a.id, 3000, 'one', 60_000), true);
    assert.equal(await store.claimRecheck(a.id, 3000, 'two', 60_000), false, 'held by one');
    assert.equal(await store.claimRecheck(a.id, 3000, 'one', 60_000), true, 'one holds it already');
    assert.equal(await store.claimRecheck(b.id, 3000, 'two', 60_000), true, 'a lease is per article');
    await store.releaseRecheck(a.id, 'two'); // not two's: nothing happens
    assert.equal(await store.claimRecheck(a.id, 3000, 'two', 60_000), false);
    // One records its check (the next check time moves) and releases: two, which listed the article at 3000, does
    // not re-check it; a process listing it now (at its new time) may, later.
    await store.recordCheckVerdict({
      check: { articleId: a.id, checkedMs: 4000, outcome: 'alive', httpStatus: 200, finalUrl: null, detail: null },
      status: null,
      nextCheckMs: 90_000,
    });
    await store.releaseRecheck(a.id, 'one');
    assert.equal(await store.claimRecheck(a.id, 3000, 'two', 60_000), false, 'checked since two listed it');
    assert.equal(await store.claimRecheck(a.id, 3000, 'one', 60_000), false, 'nor by the one that checked it');
    assert.equal(await store.claimRecheck(a.id, 90_000, 'two', 60_000), true, 'listed again at its new time');
    await store.releaseRecheck(a.id, 'two');
    assert.equal(await store.claimRecheck(999_999, null, 'one', 60_000), false, 'no such article');
    // two dies holding b: its lease lapses and one takes it over.
    await store.claimRecheck(b.id, 3000, 'two', 1); // shortens two's lease to 1 ms
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(await store.claimRecheck(b.id, 3000, 'one', 60_000), true, 'a lapsed lease is taken over');
    assert.equal(await store.claimRecheck(b.id, 3000, 'two', 60_000), false);
  }));

  test('what the store knows of a feed item: by key, else by canonical link, each only when the one before found nothing', withStore(async (store) => {
    const a = await store.insertArticle(article({ key: 'guid:feedx-1', url: 'https://www.bbc.com/zhongwen/articles/c1/simp', feedUrl: 'https://feedx.net/rss/bbc.xml' }));
    const b = await store.insertArticle(article({ key: 'guid:2', url: 'https://www.bbc.com/zhongwen/articles/c2/simp' }));
    const full = await store.getArticle(a.id);
    // By key: the link and URL are not looked up, even when they name another article.
    assert.deepEqual(await store.findKnownArticle('voa', 'guid:feedx-1', 'https://www.bbc.com/zhongwen/articles/c2/simp'), { byKey: full, linked: null, byUrl: null });
    // Another GUID, the same link in another form: the same article reached through another feed.
    assert.deepEqual(await store.findKnownArticle('voa', 'guid:outlet-1', 'https://bbc.com/zhongwen/articles/c1/simp?at_medium=RSS&at_campaign=rss'), {
      byKey: null,
      linked: { article: full, feedUrl: 'https://feedx.net/rss/bbc.xml' },
      byUrl: null,
    });
    assert.equal((await store.findKnownArticle('voa', 'guid:x', 'https://www.bbc.com/zhongwen/articles/c2/simp')).linked?.article.id, b.id);
    const none = { byKey: null, linked: null, byUrl: null };
    assert.deepEqual(await store.findKnownArticle('voa', 'guid:new', 'https://www.bbc.com/zhongwen/articles/c3/simp'), none);
    assert.deepEqual(await store.findKnownArticle('voa', 'guid:new', null), none);
    assert.deepEqual(await store.findKnownArticle('rfi', 'guid:feedx-1', 'https://www.bbc.com/zhongwen/articles/c1/simp'), none, 'per source');
  }));

  test('an article is found by its canonical link: the same article reached through another feed', withStore(async (store) => {
    const a = await store.insertArticle(article({ key: 'guid:feedx-1', url: 'https://www.bbc.com/zhongwen/articles/c1/simp', feedUrl: 'https://feedx.net/rss/bbc.xml' }));
    assert.deepEqual(await store.findArticleByLink('voa', 'https://bbc.com/zhongwen/articles/c1/simp?at_medium=RSS&at_campaign=rss'), {
      article: await store.getArticle(a.id),
      feedUrl: 'https://feedx.net/rss/bbc.xml',
    });
    assert.equal((await store.findArticleByLink('voa', 'http://www.bbc.com/zhongwen/articles/c1/simp/#x'))?.article.id, a.id);
    assert.equal(await store.findArticleByLink('rfi', 'https://www.bbc.com/zhongwen/articles/c1/simp'), null);
    assert.equal(await store.findArticleByLink('voa', 'https://www.bbc.com/zhongwen/articles/c2/simp'), null);
    // A revision that moves the article to a new link keeps the old one known too.
    await store.addRevision(a.id, { title: 't', url: 'https://www.bbc.com/zhongwen/articles/c1-new/simp', content: 'x', sha256: 's', fingerprint: 'f', seenMs: 1, seenWhere: 'recheck' });
    assert.equal((await store.findArticleByLink('voa', 'https://www.bbc.com/zhongwen/articles/c1-new/simp'))?.article.id, a.id);
    assert.equal((await store.findArticleByLink('voa', 'https://www.bbc.com/zhongwen/articles/c1/simp'))?.article.id, a.id);
    // The first article keeps a link two items share.
    await store.insertArticle(article({ key: 'guid:other', url: 'https://www.bbc.com/zhongwen/articles/c1/simp' }));
    assert.equal((await store.findArticleByLink('voa', 'https://www.bbc.com/zhongwen/articles/c1/simp'))?.article.id, a.id);
    await store.insertArticle(article({ key: 'guid:nolink', url: null }));
    const imported = await store.insertArticle(article({ key: 'url:https://example.com/imported', url: 'https://example.com/imported', seenWhere: 'import' }));
    assert.deepEqual(await store.findArticleByLink('voa', 'https://example.com/imported'), { article: await store.getArticle(imported.id), feedUrl: null });
  }));

  test('feed state is kept per feed URL of a source', withStore(async (store) => {
    assert.equal(await store.getFeedState('voa', 'https://a.example/feed'), null);
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
    await store.saveFeedState(state);
    await store.saveFeedState({ ...state, url: 'https://b.example/feed', etag: '"b"', consecutiveFailures: 2, lastError: 'http-status: 500' });
    assert.deepEqual(await store.getFeedState('voa', 'https://a.example/feed'), state);
    assert.equal((await store.getFeedState('voa', 'https://b.example/feed'))?.etag, '"b"');
    assert.equal((await store.getFeedState('voa', 'https://b.example/feed'))?.consecutiveFailures, 2);
    assert.equal(await store.getFeedState('rfi', 'https://a.example/feed'), null);
    await store.saveFeedState({ ...state, etag: null, newestItemMs: 2000 });
    assert.equal((await store.getFeedState('voa', 'https://a.example/feed'))?.newestItemMs, 2000);
    await assert.rejects(store.saveFeedState({ ...state, sourceId: 'nope' }), /store: saving feed state of nope/);
  }));

  test('source health round-trips', withStore(async (store) => {
    assert.equal(await store.getSourceHealth('voa'), null);
    const health = { sourceId: 'voa', activeUrl: 'https://b.example/feed', staleSinceMs: 5, failingSinceMs: null, selectorMisses: 3, selectorsMissingSinceMs: 7 };
    await store.saveSourceHealth(health);
    assert.deepEqual(await store.getSourceHealth('voa'), health);
    await store.saveSourceHealth({ ...health, activeUrl: null, staleSinceMs: null, selectorMisses: 0, selectorsMissingSinceMs: null });
    assert.equal((await store.getSourceHealth('voa'))?.activeUrl, null);
    assert.equal((await store.getSourceHealth('voa'))?.selectorMisses, 0);
    await assert.rejects(store.saveSourceHealth({ ...health, sourceId: 'nope' }), /store: saving health of nope/);
  }));

  test('health events are kept, newest first, per source or all', withStore(async (store) => {
    const first = await store.recordHealthEvent({ sourceId: 'voa', atMs: 1000, kind: 'fallback', feedUrl: 'https://b.example/feed', detail: 'primary failed' });
    await store.recordHealthEvent({ sourceId: 'rfi', atMs: 2000, kind: 'stale', feedUrl: null, detail: 'no new item' });
    await store.recordHealthEvent({ sourceId: 'voa', atMs: 3000, kind: 'recovered', feedUrl: 'https://a.example/feed', detail: 'back' });
    assert.ok(first.id > 0);
    assert.deepEqual((await store.listHealthEvents(10)).map((e) => [e.sourceId, e.kind, e.atMs]), [
      ['voa', 'recovered', 3000],
      ['rfi', 'stale', 2000],
      ['voa', 'fallback', 1000],
    ]);
    assert.deepEqual((await store.listHealthEvents(1, 'voa'))[0], { id: (await store.listHealthEvents(1, 'voa'))[0]!.id, sourceId: 'voa', atMs: 3000, kind: 'recovered', feedUrl: 'https://a.example/feed', detail: 'back' });
    assert.deepEqual((await store.listHealthEvents(10, 'voa')).map((e) => e.kind), ['recovered', 'fallback']);
    await assert.rejects(store.recordHealthEvent({ sourceId: 'voa', atMs: 1, kind: 'bad' as never, feedUrl: null, detail: '' }));
  }));

  test('a failed batch of archive writes leaves nothing behind', withStore(async (store) => {
    await assert.rejects(
      store.writeArchive([
        { kind: 'article', article: article({ key: 'tx1' }) },
        { kind: 'revision', article: { sourceId: 'voa', number: 17 }, revision: { ...article(), title: '不在' } },
      ]),
      /store: no article voa\/17/,
    );
    await assert.rejects(store.writeArchive([{ kind: 'article', article: article({ key: 'tx1' }) }, { kind: 'article', article: article({ key: 'tx1' }) }]));
    assert.equal(await store.findArticleByKey('voa', 'tx1'), null);
    assert.equal((await store.insertArticle(article({ key: 'tx2' }))).number, FIRST_ARTICLE_NUMBER);
  }));

  test('a batch of archive writes: articles, revisions, reservations, statuses, checks, health and schedule, by id or by place', withStore(async (store) => {
    const known = await store.insertArticle(article({ key: 'known' }));
    const written = await store.writeArchive([
      { kind: 'reserve', sourceId: 'voa', number: FIRST_ARTICLE_NUMBER - 1 },
      { kind: 'article', article: article({ key: 'new', url: 'https://example.com/new' }) },
      { kind: 'article', article: article({ key: 'placed', number: 500, seenMs: 10 }) },
      { kind: 'revision', article: known.id, revision: { ...article(), title: '改', seenMs: 20, seenWhere: 'page', httpStatus: 200, fetchedUrl: 'https://example.com/a/1.html', etag: '"e"' } },
      { kind: 'revision', article: { sourceId: 'voa', number: 500 }, revision: { ...article(), title: '再改', seenMs: 30 } },
      { kind: 'status', article: { sourceId: 'voa', number: 500 }, status: 'removed', atMs: 40 },
      { kind: 'status', article: known.id, status: 'live', atMs: 41 },
      { kind: 'check', article: { sourceId: 'voa', number: 500 }, check: { checkedMs: 50, outcome: 'gone', httpStatus: 404, finalUrl: null, detail: null } },
      { kind: 'health', event: { sourceId: 'rfi', atMs: 60, kind: 'stale', feedUrl: null, detail: 'quiet' } },
      { kind: 'next-check', article: { sourceId: 'voa', number: 500 }, atMs: 70 },
    ]);
    assert.deepEqual(written.articles.map((a) => [a.key, a.number]), [['new', FIRST_ARTICLE_NUMBER - 2], ['placed', 500]]);
    assert.deepEqual(written.revisions.map((r) => [r.articleId, r.seq, r.title]), [[known.id, 2, '改'], [written.articles[1]!.id, 2, '再改']]);
    assert.deepEqual(await store.getArticle(known.id), { ...known, title: '改', revisionId: written.revisions[0]!.id, revisionCount: 2, seenWhere: 'page' });
    assert.equal((await store.listRevisions(known.id))[1]?.etag, '"e"');
    const placed = (await store.getArticleByNumber('voa', 500))!;
    assert.equal(placed.status, 'removed');
    assert.deepEqual((await store.listStatusEvents(placed.id)).map((e) => [e.kind, e.atMs]), [['removed', 40]]);
    assert.deepEqual(await store.listStatusEvents(known.id), []);
    assert.deepEqual((await store.listChecks(placed.id)).map((c) => [c.outcome, c.checkedMs]), [['gone', 50]]);
    assert.deepEqual((await store.listHealthEvents(10)).map((e) => [e.sourceId, e.kind]), [['rfi', 'stale']]);
    assert.deepEqual((await store.listDueChecks(70, 10)).map((a) => a.id), [placed.id]);
    assert.equal((await store.findArticleByLink('voa', 'https://example.com/new'))?.article.key, 'new');
    assert.deepEqual(await store.writeArchive([]), { articles: [], revisions: [] });
  }));

  test('a source\'s state after a run is saved at once: fetch state, health, events and feed states', withStore(async (store) => {
    const state = (await store.getFetchState('voa'))!;
    const health = { sourceId: 'voa', activeUrl: 'https://b.example/feed', staleSinceMs: null, failingSinceMs: 5, selectorMisses: 0, selectorsMissingSinceMs: null };
    const event = { sourceId: 'voa', atMs: 5, kind: 'failing' as const, feedUrl: null, detail: 'down' };
    const feed = { sourceId: 'voa', url: 'https://b.example/feed', etag: '"f"', lastModified: null, lastAttemptMs: 5, lastSuccessMs: null, consecutiveFailures: 1, lastError: 'network: down', newestItemMs: null, medianIntervalMs: null };
    await store.saveSourceState({ fetchState: { ...state, consecutiveFailures: 3, lastError: 'network: down' }, health, events: [event], feeds: [feed] });
    assert.equal((await store.getFetchState('voa'))?.consecutiveFailures, 3);
    assert.deepEqual(await store.getFeedState('voa', feed.url), feed);
    assert.deepEqual(await store.getSourceHealth('voa'), health);
    assert.deepEqual((await store.listHealthEvents(10)).map((e) => e.detail), ['down']);
    // A bad event undoes the fetch state and the health saved with it.
    await assert.rejects(store.saveSourceState({ fetchState: { ...state, consecutiveFailures: 9 }, health: { ...health, selectorMisses: 9 }, events: [{ ...event, kind: 'bad' as never }], feeds: [{ ...feed, consecutiveFailures: 9 }] }));
    assert.equal((await store.getFetchState('voa'))?.consecutiveFailures, 3);
    assert.equal((await store.getFeedState('voa', feed.url))?.consecutiveFailures, 1);
    assert.equal((await store.getSourceHealth('voa'))?.selectorMisses, 0);
    await assert.rejects(store.saveSourceState({ fetchState: { ...state, sourceId: 'nope' }, health, events: [] }), /unknown source "nope"/);
  }));

  // A cycle's sources finish side by side, and the SQLite store commits the states saved in one turn together: each
  // save still stands or falls alone, and resolves only once its own write is stored.
  test('source states saved at the same moment are each stored, and one that fails fails alone', withStore(async (store) => {
    await store.syncSources(Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, name: `来源${i}`, url: `https://s${i}.example/feed` })));
    const write = (sourceId: string, failures: number) => ({
      fetchState: { sourceId, url: `https://${sourceId}.example/feed`, configuredUrl: `https://${sourceId}.example/feed`, etag: `"${sourceId}"`, lastModified: null, lastAttemptMs: 7, lastSuccessMs: 7, lastNewItemMs: null, consecutiveFailures: failures, lastError: null },
      health: { sourceId, activeUrl: `https://${sourceId}.example/feed`, staleSinceMs: null, failingSinceMs: null, selectorMisses: 0, selectorsMissingSinceMs: null },
      events: [],
    });
    const saves = Array.from({ length: 20 }, (_, i) => store.saveSourceState(write(`s${i}`, i)));
    const bad = store.saveSourceState(write('nope', 99));
    const more = store.saveSourceState(write('voa', 5));
    const outcomes = await Promise.allSettled([...saves, bad, more]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status), [...Array(20).fill('fulfilled'), 'rejected', 'fulfilled']);
    assert.match(String((outcomes[20] as PromiseRejectedResult).reason), /unknown source "nope"/);
    for (let i = 0; i < 20; i++) assert.equal((await store.getFetchState(`s${i}`))?.consecutiveFailures, i);
    assert.equal((await store.getFetchState('voa'))?.etag, '"voa"');
    assert.equal(await store.getFetchState('nope'), null);
  }));

  test('a check verdict keeps the check, the status change and the next check time together', withStore(async (store) => {
    const a = await store.insertArticle(article());
    const check = { articleId: a.id, checkedMs: 100, outcome: 'gone' as const, httpStatus: 404, finalUrl: null, detail: null };
    const kept = await store.recordCheckVerdict({ check, status: null, nextCheckMs: 200 });
    assert.deepEqual(await store.listChecks(a.id), [kept]);
    assert.deepEqual((await store.listDueChecks(200, 10)).map((x) => [x.id, x.nextCheckMs]), [[a.id, 200]]);
    await store.recordCheckVerdict({ check: { ...check, checkedMs: 300 }, status: { status: 'removed', atMs: 100 }, nextCheckMs: null });
    assert.equal((await store.getArticle(a.id))?.status, 'removed');
    assert.deepEqual((await store.listStatusEvents(a.id)).map((e) => [e.kind, e.atMs]), [['removed', 100]]);
    assert.deepEqual(await store.listDueChecks(Number.MAX_SAFE_INTEGER, 10), []);
    // The status it already has: no event.
    await store.recordCheckVerdict({ check: { ...check, checkedMs: 400 }, status: { status: 'removed', atMs: 400 }, nextCheckMs: 500 });
    assert.equal((await store.listStatusEvents(a.id)).length, 1);
    await assert.rejects(store.recordCheckVerdict({ check: { ...check, checkedMs: 600, outcome: 'maybe' as never }, status: { status: 'live', atMs: 600 }, nextCheckMs: 700 }));
    assert.equal((await store.getArticle(a.id))?.status, 'removed');
    assert.equal((await store.listChecks(a.id)).length, 3);
  }));

  test('an imported file name is kept; numbering below it is numeric, never by name', withStore(async (store) => {
    const named = await store.insertArticle(article({ key: 'old', number: 1_000_000, fileName: '1000000_旧文章.md' }));
    assert.equal((await store.getArticle(named.id))?.fileName, '1000000_旧文章.md');
    await store.insertArticle(article({ key: 'older', number: 999_999 }));
    // 999998 sorts after 1000000 as a string; it is still the next number down.
    assert.equal((await store.insertArticle(article({ key: 'new' }))).number, 999_998);
    assert.equal((await store.getArticleByNumber('voa', 999_999))?.fileName ?? null, null);
  }));

  test('published blob ids are recorded, listed in batches, and an article can be marked to write again', withStore(async (store) => {
    const ids: number[] = [];
    for (const n of [1, 2, 3]) ids.push((await store.insertArticle(article({ key: `p${n}` }))).id);
    assert.deepEqual(await store.listPublishedBlobs(10), []);
    await store.recordPublished(ids.map((id) => ({ id, fileBlob: `blob${id}` })));
    assert.deepEqual(await store.pendingPublish(10), []);
    assert.deepEqual((await store.listPublishedBlobs(2)).map((row) => [row.id, row.fileBlob]), [[ids[0], `blob${ids[0]}`], [ids[1], `blob${ids[1]}`]]);
    assert.deepEqual((await store.listPublishedBlobs(2, ids[1])).map((row) => row.id), [ids[2]]);
    await store.markUnpublished([ids[1]!]);
    assert.deepEqual((await store.pendingPublish(10)).map((x) => x.id), [ids[1]]);
    await store.markAllPublished();
    assert.equal((await store.listPublishedBlobs(10)).find((row) => row.id === ids[1])?.fileBlob, `blob${ids[1]}`);
    await store.recordPublishedFiles(new Map([['lists/美国之音.md', 'l1']]));
    await store.recordPublishedFiles(new Map([['lists/美国之音.md', 'l2'], ['lists/法广.md', 'l3']]));
    assert.deepEqual([...(await store.publishedFiles())].sort(), [['lists/法广.md', 'l3'], ['lists/美国之音.md', 'l2']]);
  }));

  test('revisions and status events in a span of time, oldest first, with their article\'s place', withStore(async (store) => {
    assert.equal(await store.firstRevisionMs(), null);
    assert.deepEqual(await store.manifestRowIds(), { revision: 0, status: 0, check: 0, health: 0 });
    const a = await store.insertArticle(article({ key: 'm1', seenMs: 2000 }));
    await store.insertArticle(article({ key: 'm2', seenMs: 1000, fileName: '1048573_标题.md' }));
    await store.addRevision(a.id, { title: '新', url: a.url, content: '<p>新</p>', sha256: 'b'.repeat(64), fingerprint: 'c'.repeat(64), seenMs: 3000, seenWhere: 'page' });
    await store.setStatus(a.id, 'removed', 2500);
    assert.equal(await store.firstRevisionMs(), 1000);
    const ids = await store.manifestRowIds();
    assert.deepEqual([ids.revision, ids.check, ids.health], [(await store.listRevisionsBetween(0, 5000)).map((r) => r.id).sort((x, y) => x - y).at(-1), 0, 0]);
    assert.ok(ids.status > 0);
    const revisions = await store.listRevisionsBetween(1000, 3000);
    assert.deepEqual(revisions.map((r) => [r.seenMs, r.number, r.seq, r.fileName, r.key]), [
      [1000, FIRST_ARTICLE_NUMBER - 1, 1, '1048573_标题.md', 'm2'],
      [2000, FIRST_ARTICLE_NUMBER, 1, null, 'm1'],
    ]);
    assert.equal((await store.listRevisionsBetween(3000, 4000))[0]?.sha256, 'b'.repeat(64));
    assert.deepEqual((await store.listStatusEventsBetween(0, 5000)).map((e) => [e.atMs, e.kind, e.sourceId, e.number]), [[2500, 'removed', 'voa', FIRST_ARTICLE_NUMBER]]);
    assert.deepEqual(await store.listStatusEventsBetween(2600, 5000), []);
  }));

  test('list lines: pages of a source, days, latest, removed, changed, all in id order', withStore(async (store) => {
    const day = Date.UTC(2024, 2, 20, 12); // 20:00 in UTC+8
    const a = await store.insertArticle(article({ key: 'a', publishedMs: day, seenMs: 100 }));
    const b = await store.insertArticle(article({ key: 'b', publishedMs: day + 5 * 3600_000, seenMs: 100 })); // the next day in UTC+8
    const c = await store.insertArticle(article({ key: 'c', sourceId: 'rfi', publishedMs: day - 86_400_000, seenMs: 100 }));
    await store.addRevision(a.id, { ...article(), title: '改过', seenMs: 300 });
    await store.setStatus(c.id, 'removed', 400);
    const summaryA = {
      id: a.id, sourceId: 'voa', number: a.number, title: '改过', url: a.url, author: null, publishedMs: day,
      status: 'live', statusChangedMs: null, revisionCount: 2, revisedMs: 300,
    };
    assert.deepEqual((await store.listSummariesAfter(0, 10))[0], summaryA);
    assert.deepEqual((await store.listSummariesAfter(a.id, 1)).map((x) => x.id), [b.id]);
    assert.equal(await store.rankInSource('voa', a.number), 0);
    assert.equal(await store.rankInSource('voa', b.number), 1);
    assert.deepEqual((await store.listSourceSlice('voa', 0, 10)).map((x) => x.id), [a.id, b.id]);
    assert.deepEqual((await store.listSourceSlice('voa', 1, 10)).map((x) => x.id), [b.id]);
    assert.deepEqual((await store.listSummariesPublishedBetween(day - 86_400_000, day + 1)).map((x) => x.id), [a.id, c.id]);
    assert.deepEqual(await store.countByDay(), [{ day: '2024-03-21', count: 1 }, { day: '2024-03-20', count: 1 }, { day: '2024-03-19', count: 1 }]);
    assert.deepEqual((await store.listLatestSummaries(10)).map((x) => x.id), [b.id, a.id, c.id]);
    assert.deepEqual((await store.listLatestSummaries(1, 'voa')).map((x) => x.id), [b.id]);
    assert.deepEqual((await store.listRemovedSummaries(10)).map((x) => [x.id, x.status, x.statusChangedMs]), [[c.id, 'removed', 400]]);
    assert.deepEqual((await store.listChangedSummaries(10)).map((x) => x.id), [a.id]);
  }));

  test('a build mark: what changed since it, and whether it belongs to this store', withStore(async (store) => {
    const empty = await store.currentBuildMark();
    assert.deepEqual(empty, { revisionId: 0, revisionSha256: '', statusChangedMs: 0 });
    assert.equal(await store.buildMarkIsValid(empty), true);
    const a = await store.insertArticle(article({ key: 'a' }));
    const b = await store.insertArticle(article({ key: 'b', sha256: 'b'.repeat(64) }));
    const mark = await store.currentBuildMark();
    assert.deepEqual(mark, { revisionId: b.revisionId, revisionSha256: 'b'.repeat(64), statusChangedMs: 0 });
    assert.deepEqual((await store.listChangedSince(empty)).map((x) => x.id), [a.id, b.id]);
    assert.deepEqual(await store.listChangedSince({ ...mark, statusChangedMs: 1 }), []);
    await store.setStatus(a.id, 'removed', 500);
    assert.deepEqual((await store.listChangedSince({ ...mark, statusChangedMs: 1 })).map((x) => x.id), [a.id]);
    assert.equal((await store.currentBuildMark()).statusChangedMs, 500);
    assert.equal(await store.buildMarkIsValid(mark), true);
    assert.equal(await store.buildMarkIsValid({ ...mark, revisionSha256: 'c'.repeat(64) }), false);
    assert.equal(await store.buildMarkIsValid({ ...mark, revisionId: mark.revisionId + 100 }), false);
  }));
}
