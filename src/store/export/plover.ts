/**
 * `export --format plover`: one PLOVER JSON record per event (JSON Lines), with the field names
 * of the PLOVER manual's "JSON Data Fields": `id`, `date` (YYYY-MM-DD, or null when the event's
 * date is not a day), `source` and `recipient` (lists of actor objects: `actor_text`, and
 * `code` when the country is known), `event`, `mode`, `quad_code`, `text` (the evidence
 * sentence) with `text_info` offsets, `link` (the article id, common to its events) and
 * `cite_info`. `modality` is our addition: PLOVER has no field for planned or negated events.
 */
import type { Actor } from '../../doc/index.js';
import type { StoredArticle } from '../types.js';
import { PLOVER_QUAD } from './cameo.js';
import { articleEvents, dayOf } from './event-rows.js';

const actors = (actor: Actor | null) =>
  actor ? [{ actor_text: actor.name, ...(actor.country ? { code: actor.country } : {}) }] : [];

export function ploverRecords(article: StoredArticle): string {
  return articleEvents(article)
    .map(({ event: e, id, evidence }) =>
      JSON.stringify({
        id,
        date: dayOf(e.date),
        source: actors(e.source),
        recipient: actors(e.target),
        event: [e.type],
        ...(e.mode ? { mode: e.mode } : {}),
        quad_code: PLOVER_QUAD[e.type],
        modality: e.modality,
        text: evidence,
        text_info: { start: e.evidence.start, end: e.evidence.end },
        link: article.id,
        cite_info: { url: article.url, title: article.title, publication: article.source },
        coder: `storyline ${article.pipeline_version}`,
        coded_date: article.ingested_at.slice(0, 10),
      }),
    )
    .map((json) => `${json}\n`)
    .join('');
}
