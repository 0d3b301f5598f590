/**
 * The linked view `storyline demo` prints over the sample store: one entity per person across
 * spellings, people who share a surname kept apart, duplicates and wire rewrites, the stories,
 * and the timeline of the corpus's most reported person with the events first announced and
 * later reported done.
 */
import { nameKey } from '../link/index.js';
import type { ArticleListing, CorpusStore, EntityProfile, IngestSummary } from '../store/index.js';
import { eventText } from './entity.js';

const INDENT = '  ';
const ENTITIES_READ = 300;

/** Spellings of one name that differ beyond case ("Pak Chol-su" / "Pak Chol Su" / "Renée"). */
function spellings(e: EntityProfile): string[] {
  const full = e.aliases.filter((a) => nameKey(a.text) === nameKey(e.name));
  const distinct = new Set(full.map((a) => a.text.toLowerCase()));
  return distinct.size > 1 ? full.map((a) => `${a.text} ×${a.count}`) : [];
}

/** People who share a first or last name, each group listed once. */
function sharedSurnames(people: readonly EntityProfile[]): string[] {
  const bySurname = new Map<string, Set<string>>();
  for (const p of people) {
    const words = p.name.split(/\s+/);
    if (words.length < 2) continue;
    for (const w of new Set([words[0]!, words.at(-1)!]))
      bySurname.set(nameKey(w), (bySurname.get(nameKey(w)) ?? new Set()).add(`${p.name} (${p.id})`));
  }
  const groups = [...bySurname.values()].filter((g) => g.size > 1).map((g) => [...g].join(' / '));
  return [...new Set(groups)];
}

export async function formatLinkedView(store: CorpusStore, summary: IngestSummary): Promise<string> {
  const out: string[] = [
    `Storyline demo: the ${summary.articles} sample articles of samples/ (written by the project; fictional),`,
    `ingested into a temporary store and linked (${summary.failed} failed).`,
    '',
  ];
  const stats = await store.stats();
  out.push(
    `Store: ${stats.articles} articles, ${stats.entities} entities, ${stats.events} merged events, ` +
      `${stats.stories} stories, ${stats.duplicates} duplicates`,
    '',
  );

  const entities = await store.listEntities({ limit: ENTITIES_READ });
  out.push('One entity under several spellings:');
  for (const e of entities) {
    const forms = spellings(e);
    if (forms.length)
      out.push(
        `${INDENT}${e.name} (${e.id}, ${e.type}${e.country ? `, ${e.country}` : ''}): ${forms.join(', ')}`,
      );
  }
  const people = entities.filter((e) => e.type === 'PERSON');
  const shared = sharedSurnames(people);
  if (shared.length)
    out.push('', 'People who share a name, kept apart:', ...shared.map((g) => `${INDENT}${g}`));

  const listings: ArticleListing[] = [];
  for await (const a of store.listArticles()) listings.push(a);
  out.push('', 'Duplicates and near-duplicates (wire rewrites):');
  for (const a of listings) if (a.duplicate_of) out.push(`${INDENT}${a.id} is a copy of ${a.duplicate_of}`);
  const pairs = new Set<string>();
  for (const a of listings)
    for (const s of a.similar)
      if (!pairs.has(`${s.id}\t${a.id}`)) {
        pairs.add(`${a.id}\t${s.id}`);
        out.push(`${INDENT}${a.id} ~ ${s.id} (similarity ${s.similarity.toFixed(2)})`);
      }

  const stories = await store.listStories({ limit: 1000 });
  out.push('', `Stories (${stories.length}):`);
  for (const s of stories)
    out.push(
      `${INDENT}${s.id}  ${s.first ?? '?'} to ${s.last ?? '?'}  ${s.title ?? '(no title)'}  [${s.articles.join(', ')}]`,
    );

  const central = [...people].sort(
    (a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions,
  )[0];
  if (central) {
    const events = await store.timeline({ entity: central.id });
    out.push(
      '',
      `Timeline of ${central.name} (${central.id}), the most reported person: ${events.length} merged events`,
    );
    for (const e of events)
      out.push(
        ...eventText(e)
          .trimEnd()
          .split('\n')
          .map((l) => `${INDENT}${l}`),
      );
    const announced = events.filter(
      (e) =>
        e.reports.some((r) => r.modality === 'planned') && e.reports.some((r) => r.modality === 'asserted'),
    );
    out.push('', 'Announced, then reported done (one event, its reports show both):');
    for (const e of announced)
      out.push(
        `${INDENT}${e.id} ${e.date ?? 'undated'} ${e.type}${e.mode ? `/${e.mode}` : ''} ${e.source?.name ?? '-'} -> ` +
          `${e.target?.name ?? '-'}: ${e.reports.map((r) => `${r.article} (${r.published}, ${r.modality})`).join(', ')}`,
      );
  }
  return `${out.join('\n')}\n`;
}
