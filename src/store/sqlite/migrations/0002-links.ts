/**
 * Migration 2: the links across articles (src/link): entities and their mentions, keys, name
 * counts and roles; near-duplicates and their LSH bands; stories; merged events and their
 * reports; and the queue of articles not linked yet.
 *
 * The replace rule (docs/store.md): every row derived from an article references `articles(seq)`
 * with ON DELETE CASCADE, so replacing an article drops its links in the same transaction.
 * What those rows fed (an entity's counts, a story's centroid, a merged event's date) is marked
 * `dirty` by the triggers below, and the next link pass recomputes it from what remains; an
 * article whose duplicate original was replaced goes back in the queue.
 */
export const name = 'links: entities, duplicates, stories, merged events';

export const sql = `
CREATE TABLE link_queue (
  article INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE
);
INSERT INTO link_queue (article) SELECT seq FROM articles;
CREATE TRIGGER link_queue_insert AFTER INSERT ON articles BEGIN
  INSERT INTO link_queue (article) VALUES (new.seq);
END;

CREATE TABLE entities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  country TEXT,
  mentions INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0,
  first TEXT,
  last TEXT,
  dirty INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_dirty ON entities(dirty) WHERE dirty = 1;
-- Keys an entity is found under: 'k:' + nameKey of its names, 's:' + surname keys of a person.
CREATE TABLE entity_keys (
  key TEXT NOT NULL,
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  PRIMARY KEY (key, entity)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity);
-- Counts of an entity's canonical forms ('name'), surface texts ('alias'), types and countries.
CREATE TABLE entity_forms (
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  form TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (entity, kind, form)
) WITHOUT ROWID;
CREATE TABLE entity_mentions (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  entity INTEGER NOT NULL REFERENCES entities(id),
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_entity ON entity_mentions(entity, article);
CREATE TRIGGER entity_mentions_delete AFTER DELETE ON entity_mentions BEGIN
  UPDATE entities SET dirty = 1 WHERE id = old.entity AND dirty = 0;
END;
CREATE TABLE entity_roles (
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (entity, article, role)
) WITHOUT ROWID;
CREATE INDEX entity_roles_article ON entity_roles(article);

CREATE TABLE stories (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  state TEXT NOT NULL,
  first TEXT,
  last TEXT,
  size INTEGER NOT NULL,
  -- Bumped on every change, so a linker may keep parsed states keyed by (id, version).
  version INTEGER NOT NULL DEFAULT 0,
  dirty INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_dirty ON stories(dirty) WHERE dirty = 1;
CREATE TABLE story_keys (
  key TEXT NOT NULL,
  story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  last TEXT,
  PRIMARY KEY (key, story)
) WITHOUT ROWID;
CREATE INDEX story_keys_recent ON story_keys(key, last DESC);
CREATE INDEX story_keys_story ON story_keys(story);

-- One row per linked article: its story, the original it duplicates, its story vector (to
-- rebuild the story's centroid should another member be replaced) and when it was linked.
CREATE TABLE article_links (
  article INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  story INTEGER REFERENCES stories(id),
  duplicate_of INTEGER REFERENCES articles(seq) ON DELETE SET NULL,
  vector TEXT,
  linked INTEGER NOT NULL
);
CREATE INDEX article_links_story ON article_links(story);
CREATE INDEX article_links_duplicate ON article_links(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE TRIGGER article_links_delete AFTER DELETE ON article_links BEGIN
  UPDATE stories SET dirty = 1 WHERE id = old.story AND dirty = 0;
END;
-- An article whose original was replaced is linked again (its duplicate_of went null).
CREATE TRIGGER article_links_original_gone AFTER UPDATE OF duplicate_of ON article_links
WHEN old.duplicate_of IS NOT NULL AND new.duplicate_of IS NULL BEGIN
  INSERT OR IGNORE INTO link_queue (article) VALUES (new.article);
END;
CREATE TABLE article_bands (
  band TEXT NOT NULL,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (band, article)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article);
-- Near-duplicates (wire rewrites), both directions.
CREATE TABLE article_similar (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  other INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  similarity REAL NOT NULL,
  PRIMARY KEY (article, other)
) WITHOUT ROWID;

CREATE TABLE merged_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  key_a TEXT NOT NULL,
  key_b TEXT NOT NULL,
  mode TEXT,
  modality TEXT NOT NULL,
  date TEXT,
  start TEXT,
  "end" TEXT,
  anchor TEXT,
  reports INTEGER NOT NULL,
  source_key TEXT,
  source_entity INTEGER,
  source_name TEXT,
  source_country TEXT,
  target_key TEXT,
  target_entity INTEGER,
  target_name TEXT,
  target_country TEXT,
  dirty INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX merged_events_key ON merged_events(type, key_a, key_b);
CREATE INDEX merged_events_source ON merged_events(source_key);
CREATE INDEX merged_events_target ON merged_events(target_key);
CREATE INDEX merged_events_date ON merged_events(date);
CREATE INDEX merged_events_dirty ON merged_events(dirty) WHERE dirty = 1;
-- A report carries what timelines show of it (the article's id and date, the modality and date as
-- reported, the evidence span and sentence), so a timeline reads no article bodies.
CREATE TABLE event_reports (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  event INTEGER NOT NULL REFERENCES merged_events(id),
  linked INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  published TEXT,
  modality TEXT NOT NULL,
  mode TEXT,
  date TEXT,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX event_reports_event ON event_reports(event, linked);
CREATE TRIGGER event_reports_delete AFTER DELETE ON event_reports BEGIN
  UPDATE merged_events SET dirty = 1 WHERE id = old.event AND dirty = 0;
END;

CREATE TABLE link_counter (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
-- 'linked' numbers linked articles; 'epoch' counts relinks, so a linker's cached story states
-- (keyed by epoch, id and version) never outlive ids that a relink gave out again.
INSERT INTO link_counter (name, value) VALUES ('linked', 0), ('epoch', 0);
`;
