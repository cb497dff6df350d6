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
];
