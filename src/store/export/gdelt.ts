/**
 * `export --format gdelt`: GDELT 2.0's Events table (61 columns) and Mentions table (16), tab
 * separated, no header, in GDELT's column order. Only what we know is filled; everything else
 * (actor roles, ethnicity, religion, Goldstein, tone, geography, sentence and character offsets)
 * is left empty, never guessed. GDELT has no modality, so only asserted events are exported
 * (planned, possible and negated ones are in the csv and plover formats). Each event is reported
 * by one article until linking merges reports, so NumMentions, NumSources and NumArticles are 1.
 * Column by column in docs/store.md.
 */
import type { Actor } from '../../doc/index.js';
import type { StoredArticle } from '../types.js';
import { cameoCode } from './cameo.js';
import { articleEvents, dateParts, numericId, type ArticleEvent } from './event-rows.js';

export const GDELT_EVENT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode',
  'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode',
  'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass',
  'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code',
  'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code',
  'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code',
  'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const; // prettier-ignore

export const GDELT_MENTION_COLUMNS = [
  'GLOBALEVENTID', 'EventTimeDate', 'MentionTimeDate', 'MentionType', 'MentionSourceName',
  'MentionIdentifier', 'SentenceID', 'Actor1CharOffset', 'Actor2CharOffset', 'ActionCharOffset',
  'InRawText', 'Confidence', 'MentionDocLen', 'MentionDocTone', 'MentionDocTranslationInfo', 'Extras',
] as const; // prettier-ignore

type Row = Partial<Record<string, string | number>>;

/** Tabs and line breaks would break GDELT's one-record-per-line, tab-separated layout. */
const clean = (value: string | number | undefined): string =>
  value === undefined ? '' : String(value).replace(/[\t\r\n]+/g, ' ');

const line = (columns: readonly string[], row: Row): string =>
  `${columns.map((c) => clean(row[c])).join('\t')}\n`;

/** `2014-11-18T09:30:00.000Z` -> `20141118093000`. */
export function gdeltTimestamp(iso: string): string {
  return iso.replace(/\D/g, '').slice(0, 14).padEnd(14, '0');
}

/** GDELT's FractionDate: the year plus the share of it completed by that day, 4 decimals. */
export function fractionDate(year: string, month: string, day: string): string {
  const y = Number(year);
  const dayOfYear = (Date.UTC(y, Number(month) - 1, Number(day)) - Date.UTC(y, 0, 0)) / 86_400_000;
  const days = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
  return (y + dayOfYear / days).toFixed(4);
}

function actorColumns(n: 1 | 2, actor: Actor | null): Row {
  if (!actor) return {};
  const code = actor.country ?? undefined;
  return { [`Actor${n}Code`]: code, [`Actor${n}Name`]: actor.name, [`Actor${n}CountryCode`]: code };
}

/** An event stated in the lead paragraph, as GDELT's IsRootEvent means it. */
function inLead(body: string, start: number): boolean {
  const end = body.indexOf('\n\n');
  return end < 0 || start < end;
}

function eventRow({ article, event: e, id }: ArticleEvent): Row {
  const { year, month, day } = dateParts(e.date);
  const cameo = cameoCode(e.type, e.mode);
  return {
    GLOBALEVENTID: numericId(id),
    ...(year && month && day
      ? { SQLDATE: `${year}${month}${day}`, FractionDate: fractionDate(year, month, day) }
      : {}),
    ...(year && month ? { MonthYear: `${year}${month}` } : {}),
    ...(year ? { Year: year } : {}),
    ...actorColumns(1, e.source),
    ...actorColumns(2, e.target),
    IsRootEvent: inLead(article.body, e.evidence.start) ? 1 : 0,
    EventCode: cameo.code,
    EventBaseCode: cameo.base,
    EventRootCode: cameo.root,
    QuadClass: cameo.quadClass,
    NumMentions: 1,
    NumSources: 1,
    NumArticles: 1,
    DATEADDED: gdeltTimestamp(article.ingested_at),
    ...(article.url ? { SOURCEURL: article.url } : {}),
  };
}

function mentionRow({ article, id }: ArticleEvent): Row {
  const added = gdeltTimestamp(article.ingested_at);
  const sourceName = article.source ?? (article.url ? URL.parse(article.url)?.hostname : null);
  return {
    GLOBALEVENTID: numericId(id),
    EventTimeDate: added,
    MentionTimeDate: added,
    ...(article.url ? { MentionType: 1 } : {}),
    ...(sourceName ? { MentionSourceName: sourceName } : {}),
    MentionIdentifier: article.url ?? article.id,
    InRawText: 1,
    MentionDocLen: article.body.length,
  };
}

/** The Events and Mentions lines of one article's asserted events. */
export function gdeltRows(article: StoredArticle): { events: string; mentions: string } {
  const asserted = articleEvents(article).filter((e) => e.event.modality === 'asserted');
  return {
    events: asserted.map((e) => line(GDELT_EVENT_COLUMNS, eventRow(e))).join(''),
    mentions: asserted.map((e) => line(GDELT_MENTION_COLUMNS, mentionRow(e))).join(''),
  };
}
