/**
 * Writing a batch of articles in one PostgreSQL transaction, with SQLite's rules: unchanged
 * content (same hash and pipeline version) writes nothing, a changed one replaces the old version
 * whole under a new `seq` (its layers go by ON DELETE CASCADE). A batch costs a handful of
 * statements, not one per row: the batch's rows are read and locked in one, the replaced versions
 * deleted in one, the new ones inserted in one, and each layer table filled by one `unnest` of
 * column arrays (twice the bulk rate of a statement per article).
 *
 * Many workers write at once: rows are locked (`FOR UPDATE`) and inserted in id order, so two
 * batches never wait on each other in a circle, and an id another transaction stores between our
 * look-up and our insert (`ON CONFLICT DO NOTHING`) is looked up again, alone.
 */
import { articleFacts } from '../facts.js';
import { layerNames, layerRows } from '../rows.js';
import type { PutOutcome, StoredArticle } from '../types.js';
import type { PgClient } from './connect.js';

/** An id whose insert conflicts this many times in a row is a bug, not a race. */
const MAX_CONFLICTS = 3;

const byId = (x: StoredArticle, y: StoredArticle): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Writes one article, recording the version it inserts under its new `seq` in `written`. */
async function writeOne(
  client: PgClient,
  a: StoredArticle,
  written: Map<number, StoredArticle>,
): Promise<PutOutcome> {
  for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
    const { rows: found } = await client.query<{ seq: number; hash: string; pipeline_version: string }>(
      'SELECT seq, hash, pipeline_version FROM articles WHERE id = $1 FOR UPDATE',
      [a.id],
    );
    const old = found[0];
    if (old && old.hash === a.hash && old.pipeline_version === a.pipeline_version) return 'unchanged';
    if (old) {
      await client.query('DELETE FROM articles WHERE seq = $1', [old.seq]);
      written.delete(old.seq);
    }
    const { rows: inserted } = await client.query<{ seq: number }>(
      'INSERT INTO articles (id, hash, url, source, title, published, body, layers, pipeline_version, ingested_at)' +
        ' VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING seq',
      [
        a.id,
        a.hash,
        a.url,
        a.source,
        a.title,
        a.published,
        a.body,
        layerNames(a),
        a.pipeline_version,
        a.ingested_at,
      ],
    );
    if (inserted[0]) {
      written.set(inserted[0].seq, a);
      return old ? 'updated' : 'added';
    }
  }
  throw new Error(`article ${a.id}: its insert kept conflicting with other writers`);
}

/** A table's columns as `name type` pairs, in the order `insertLayers` pushes values. */
const LAYER_COLUMNS = {
  mentions:
    'article bigint, idx int, start int, "end" int, text text, type text, canonical text, country text',
  timexes: 'article bigint, idx int, start int, "end" int, text text, type text, value text',
  events:
    'article bigint, idx int, type text, mode text, modality text, date text, source_name text,' +
    ' source_country text, target_name text, target_country text, evidence_start int, evidence_end int',
  article_facts: 'kind text, value text, article bigint',
} as const;

type LayerTable = keyof typeof LAYER_COLUMNS;

const columnsOf = (table: LayerTable) =>
  LAYER_COLUMNS[table].split(', ').map((c) => c.trim().split(' ') as [string, string]);

/** One `INSERT … SELECT * FROM unnest(…)` of column arrays (nothing when there are no rows). */
async function insertRows(client: PgClient, table: LayerTable, rows: unknown[][]): Promise<void> {
  if (!rows[0]!.length) return;
  const cols = columnsOf(table);
  const names = cols.map(([name]) => name).join(', ');
  const arrays = cols.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`, rows);
}

/** The layers and facts of every version this batch inserted. */
async function insertLayers(client: PgClient, written: Map<number, StoredArticle>): Promise<void> {
  const rows = (table: LayerTable): unknown[][] => columnsOf(table).map(() => []);
  const mentions = rows('mentions');
  const timexes = rows('timexes');
  const events = rows('events');
  const facts = rows('article_facts');
  const push = (cols: unknown[][], values: unknown[]) => values.forEach((v, i) => cols[i]!.push(v));
  for (const [seq, a] of written) {
    const layers = layerRows(a);
    layers.mentions.forEach((row, i) => push(mentions, [seq, i, ...row]));
    layers.timexes.forEach((row, i) => push(timexes, [seq, i, ...row]));
    layers.events.forEach((row, i) => push(events, [seq, i, ...row]));
    for (const [kind, value] of articleFacts(a)) push(facts, [kind, value, seq]);
  }
  await insertRows(client, 'mentions', mentions);
  await insertRows(client, 'timexes', timexes);
  await insertRows(client, 'events', events);
  await insertRows(client, 'article_facts', facts);
}

const ARTICLE_VALUES =
  'id text, hash text, url text, source text, title text, published text, body text, layers text,' +
  ' pipeline_version text, ingested_at text';

/**
 * A batch of distinct ids in a few statements: their rows locked and read in id order, the changed
 * ones deleted, the new versions inserted together. An id another transaction inserted meanwhile
 * (its insert conflicts) goes through `writeOne`.
 */
async function writeDistinct(
  client: PgClient,
  articles: readonly StoredArticle[],
  written: Map<number, StoredArticle>,
): Promise<PutOutcome[]> {
  const { rows: found } = await client.query<{
    seq: number;
    id: string;
    hash: string;
    pipeline_version: string;
  }>(
    'SELECT seq, id, hash, pipeline_version FROM articles WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
    [articles.map((a) => a.id)],
  );
  const old = new Map(found.map((r) => [r.id, r]));
  const outcomes = new Map<string, PutOutcome>();
  const inserting: StoredArticle[] = [];
  for (const a of articles) {
    const o = old.get(a.id);
    if (o && o.hash === a.hash && o.pipeline_version === a.pipeline_version) outcomes.set(a.id, 'unchanged');
    else inserting.push(a);
  }
  const replaced = inserting.flatMap((a) => (old.has(a.id) ? [old.get(a.id)!.seq] : []));
  if (replaced.length) await client.query('DELETE FROM articles WHERE seq = ANY($1::bigint[])', [replaced]);
  if (inserting.length) {
    inserting.sort(byId);
    const values = [
      inserting.map((a) => a.id),
      inserting.map((a) => a.hash),
      inserting.map((a) => a.url),
      inserting.map((a) => a.source),
      inserting.map((a) => a.title),
      inserting.map((a) => a.published),
      inserting.map((a) => a.body),
      inserting.map((a) => layerNames(a)),
      inserting.map((a) => a.pipeline_version),
      inserting.map((a) => a.ingested_at),
    ];
    const names = ARTICLE_VALUES.split(', ').map((c) => c.split(' ')[0]);
    const { rows: inserted } = await client.query<{ id: string; seq: number }>(
      `INSERT INTO articles (${names.join(', ')}) SELECT * FROM unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(', ')})` +
        ' ON CONFLICT (id) DO NOTHING RETURNING id, seq',
      values,
    );
    const seqs = new Map(inserted.map((r) => [r.id, r.seq]));
    for (const a of inserting) {
      const seq = seqs.get(a.id);
      if (seq === undefined) outcomes.set(a.id, await writeOne(client, a, written));
      else {
        written.set(seq, a);
        outcomes.set(a.id, old.has(a.id) ? 'updated' : 'added');
      }
    }
  }
  return articles.map((a) => outcomes.get(a.id)!);
}

/** Writes the batch on `client`, inside the caller's transaction; outcomes in input order. */
export async function writeArticles(
  client: PgClient,
  articles: readonly StoredArticle[],
): Promise<PutOutcome[]> {
  const written = new Map<number, StoredArticle>();
  let outcomes: PutOutcome[];
  if (new Set(articles.map((a) => a.id)).size === articles.length)
    outcomes = await writeDistinct(client, articles, written);
  else {
    // A batch repeating an id: one article at a time, in id order (a stable sort: the later copy wins).
    outcomes = [];
    const order = articles.map((a, i) => ({ a, i })).sort((x, y) => byId(x.a, y.a));
    for (const { a, i } of order) outcomes[i] = await writeOne(client, a, written);
  }
  await insertLayers(client, written);
  return outcomes;
}
