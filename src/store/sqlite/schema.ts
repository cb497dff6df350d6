// Schema migrations, applied in order; PRAGMA user_version records how many have run.
// Append new migrations at the end; never edit one that has shipped.

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    configured_url TEXT,
    next_number INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_attempt_ms INTEGER,
    last_success_ms INTEGER,
    last_new_item_ms INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  ) STRICT;

  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    number INTEGER NOT NULL,
    key TEXT NOT NULL,
    url TEXT,
    title TEXT NOT NULL,
    author TEXT,
    published_ms INTEGER NOT NULL,
    first_seen_ms INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'removed')),
    status_changed_ms INTEGER,
    revision_id INTEGER,
    revision_count INTEGER NOT NULL DEFAULT 0,
    needs_publish INTEGER NOT NULL DEFAULT 1,
    UNIQUE (source_id, key),
    UNIQUE (source_id, number)
  ) STRICT;
  CREATE INDEX articles_by_source_published ON articles (source_id, published_ms DESC, number);
  CREATE INDEX articles_by_published ON articles (published_ms DESC);
  CREATE INDEX articles_by_url ON articles (source_id, url);
  CREATE INDEX articles_pending ON articles (needs_publish) WHERE needs_publish = 1;

  CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    content TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    seen_ms INTEGER NOT NULL,
    seen_where TEXT NOT NULL,
    UNIQUE (article_id, seq)
  ) STRICT;

  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_ms INTEGER NOT NULL,
    ended_ms INTEGER
  ) STRICT;

  CREATE TABLE run_sources (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    source_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    new_count INTEGER NOT NULL,
    changed_count INTEGER NOT NULL,
    unchanged_count INTEGER NOT NULL,
    error_kind TEXT,
    error_message TEXT,
    PRIMARY KEY (run_id, source_id)
  ) STRICT;
  `,
  // 2: re-checks of article URLs (recheck/), their schedule, and status events (removed, restored).
  `
  ALTER TABLE articles ADD COLUMN next_check_ms INTEGER;
  CREATE INDEX articles_by_next_check ON articles (next_check_ms) WHERE next_check_ms IS NOT NULL;
  CREATE INDEX articles_unscheduled ON articles (id) WHERE next_check_ms IS NULL AND url IS NOT NULL;
  CREATE INDEX articles_removed ON articles (status_changed_ms DESC) WHERE status = 'removed';

  CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    checked_ms INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('alive', 'changed', 'gone', 'redirected-away', 'blocked', 'error')),
    http_status INTEGER,
    final_url TEXT,
    detail TEXT
  ) STRICT;
  CREATE INDEX checks_by_article ON checks (article_id, checked_ms DESC, id DESC);

  CREATE TABLE status_events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('removed', 'restored'))
  ) STRICT;
  CREATE INDEX status_events_by_article ON status_events (article_id, at_ms, id);
  `,
  // 3: one article reached through two feeds of a source (its canonical links), per-feed state for
  // fallback feeds, source health and its events (cycle/feed-fallback.ts, cycle/source-health.ts).
  // canonical_link() is registered by open.ts (normalize/identity.ts canonicalLink).
  `
  CREATE TABLE article_links (
    source_id TEXT NOT NULL,
    link TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    -- the feed the article was first archived from; null for articles from before version 3 and imports
    feed_url TEXT,
    PRIMARY KEY (source_id, link)
  ) STRICT;
  INSERT OR IGNORE INTO article_links (source_id, link, article_id)
    SELECT source_id, canonical_link(url), id FROM articles WHERE url IS NOT NULL ORDER BY id;

  CREATE TABLE feed_states (
    source_id TEXT NOT NULL REFERENCES sources(id),
    url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_attempt_ms INTEGER,
    last_success_ms INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    newest_item_ms INTEGER,
    median_interval_ms INTEGER,
    PRIMARY KEY (source_id, url)
  ) STRICT;

  CREATE TABLE source_health (
    source_id TEXT PRIMARY KEY REFERENCES sources(id),
    active_url TEXT,
    stale_since_ms INTEGER,
    failing_since_ms INTEGER,
    selector_misses INTEGER NOT NULL DEFAULT 0,
    selectors_missing_since_ms INTEGER
  ) STRICT;

  CREATE TABLE health_events (
    id INTEGER PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('stale', 'failing', 'recovered', 'fallback', 'selectors')),
    feed_url TEXT,
    detail TEXT NOT NULL
  ) STRICT;
  CREATE INDEX health_events_by_time ON health_events (at_ms DESC, id DESC);
  CREATE INDEX health_events_by_source ON health_events (source_id, at_ms DESC, id DESC);
  `,
  // 4: what the Markdown archive holds. file_name keeps an imported file's own name (`1047462_标题.md`) so lists
  // and links stay right; file_blob is the git blob id of the article file last written, and published_files
  // the same for lists, so each run can compare the store with the checkout's index without reading files.
  `
  ALTER TABLE articles ADD COLUMN file_name TEXT;
  ALTER TABLE articles ADD COLUMN file_blob TEXT;
  CREATE TABLE published_files (
    path TEXT PRIMARY KEY,
    blob TEXT NOT NULL
  ) STRICT;
  `,
  // 5: where each revision's bytes came from (the archive's manifest carries them): the URL of the response
  // that carried them (after redirects), its HTTP status and ETag. Null for imports and older revisions.
  // Checks and health events by time, for the manifest's month files.
  `
  ALTER TABLE revisions ADD COLUMN fetched_url TEXT;
  ALTER TABLE revisions ADD COLUMN http_status INTEGER;
  ALTER TABLE revisions ADD COLUMN etag TEXT;
  CREATE INDEX checks_by_time ON checks (checked_ms, id);
  CREATE INDEX revisions_by_seen ON revisions (seen_ms, id);
  `,
  // 6: re-check leases (recheck-leases.ts), as PostgreSQL's version 5: one row per article being re-checked now, so
  // two processes re-checking one store (two output folders sharing a database file) never re-check an article
  // twice. A row lives while its check does; expires_ms lets a killed process's lease lapse. Not part of a copy.
  `
  CREATE TABLE recheck_leases (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    holder TEXT NOT NULL,
    expires_ms INTEGER NOT NULL
  ) STRICT;
  `,
  // 7: articles by when their status last changed, for the build mark's MAX(status_changed_ms) and the articles
  // changed since a mark (summaries.ts), which every cycle's publish reads: without it, both read the whole table.
  `
  CREATE INDEX IF NOT EXISTS articles_by_status_changed ON articles (status_changed_ms);
  `,
];
