/**
 * Migration 1: articles and their analysis layers (entity mentions, time expressions, events
 * with evidence spans), and the full-text index over title and body.
 *
 * `seq` is the article version's key: AUTOINCREMENT, so it only grows and is never reused.
 * Replacing an article deletes the old version's row (every row referencing it goes with it,
 * ON DELETE CASCADE) and inserts the new version under a new `seq`. Tables added later that
 * derive from an article (links, duplicates, stories) must reference `articles(seq)` with
 * ON DELETE CASCADE, so a replaced version never keeps stale links (docs/store.md).
 */
export const name = 'articles, layers and full-text index';

export const sql = `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  url TEXT,
  source TEXT COLLATE NOCASE,
  title TEXT,
  published TEXT,
  body TEXT NOT NULL,
  layers TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE mentions (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL COLLATE NOCASE,
  type TEXT NOT NULL,
  canonical TEXT NOT NULL COLLATE NOCASE,
  country TEXT,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE timexes (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE events (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  modality TEXT NOT NULL,
  date TEXT,
  source_name TEXT,
  source_country TEXT,
  target_name TEXT,
  target_country TEXT,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

-- What the filters ask of an article, one row per distinct fact: kind 'entity' (a mention's canonical
-- form or text, lower-cased), 'country' (of a mention or an event actor), 'type' (an event's type).
-- One index answers every filter both ways: "articles with this fact" and "has this article it".
CREATE TABLE article_facts (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (kind, value, article)
) WITHOUT ROWID;
CREATE INDEX article_facts_article ON article_facts(article);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
`;
