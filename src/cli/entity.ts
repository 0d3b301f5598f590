/**
 * `storyline entity NAME` (an entity's profile: names, country, roles, articles) and
 * `storyline timeline NAME [--with NAME2] [--type T] [--from D] [--to D]` (its merged events, or
 * those between two actors, in date order). NAME is any spelling or alias, or an id (`e17`); a
 * name several entities bear lists them and exits 3, one nobody bears exits 1.
 */
import type { Command } from 'commander';
import type { CorpusStore, EntityProfile, TimelineEvent } from '../store/index.js';
import {
  addDbOption,
  filterFrom,
  usage,
  withStore,
  writeOut,
  type DbOptions,
  type Exit,
  type FilterOptions,
} from './corpus-options.js';

export const AMBIGUOUS = 3;

const describe = (e: EntityProfile): string =>
  `${e.id}\t${e.name}\t${e.type}\t${e.country ?? '-'}\t${e.mentions} mentions in ${e.articles.length} articles`;

/** The one entity a name or id stands for, or null after saying why (exit 1 or 3). */
export async function resolveEntity(
  store: CorpusStore,
  name: string,
  setExit: Exit,
  json = false,
): Promise<EntityProfile | null> {
  const byId = /^e\d+$/.test(name.trim()) ? await store.getEntity(name.trim()) : null;
  const found = byId ? [byId] : await store.findEntities(name);
  if (found.length === 1) return found[0]!;
  if (!found.length) {
    process.stderr.write(`storyline: no entity is named "${name}"\n`);
    setExit(1);
    return null;
  }
  process.stderr.write(
    `storyline: "${name}" names ${found.length} entities; give one of these names or ids:\n`,
  );
  await writeOut(found.map((e) => (json ? `${JSON.stringify(e)}\n` : `  ${describe(e)}\n`)).join(''));
  setExit(AMBIGUOUS);
  return null;
}

function profileText(e: EntityProfile): string {
  const lines = [
    `${e.name} (${e.id}) ${e.type}${e.country ? `, ${e.country}` : ''}`,
    `  written: ${e.aliases.map((a) => `${a.text} (${a.count})`).join(', ')}`,
  ];
  const roles = e.role_history ?? e.roles.map((role) => ({ role, first: null }));
  if (roles.length)
    lines.push(`  roles: ${roles.map((r) => (r.first ? `${r.role} (${r.first})` : r.role)).join('; ')}`);
  lines.push(
    `  ${e.mentions} mentions in ${e.articles.length} articles, ${e.first ?? '?'} to ${e.last ?? '?'}`,
  );
  lines.push(`  articles: ${e.articles.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

const EVIDENCE_CHARS = 100;

export function eventText(e: TimelineEvent): string {
  const who = (a: TimelineEvent['source']) => a?.name ?? '-';
  const first = e.reports[0];
  const evidence = first ? first.text.replace(/\s+/g, ' ') : '';
  const cut = evidence.length > EVIDENCE_CHARS ? `${evidence.slice(0, EVIDENCE_CHARS - 1)}…` : evidence;
  const count = e.report_count ?? e.reports.length;
  return (
    `${(e.date ?? 'undated').padEnd(10)}  ${e.type}${e.mode ? `/${e.mode}` : ''}  ${e.modality}  ` +
    `${who(e.source)} -> ${who(e.target)}  (${count} report${count === 1 ? '' : 's'}: ` +
    `${e.reports.map((r) => `${r.article} ${r.modality}`).join(', ')})\n` +
    (first ? `            "${cut}" (${first.article}, ${first.published ?? 'undated'})\n` : '')
  );
}

export function registerEntity(program: Command, setExit: Exit): void {
  addDbOption(program.command('entity').description("an entity's names, country, roles and articles"))
    .argument('<name>', 'a name in any spelling, an alias, or an id (e17)')
    .option('--json', 'print the profile as JSON')
    .action(async (name: string, opts: DbOptions & { json?: boolean }) => {
      await withStore(opts, setExit, async (store) => {
        const entity = await resolveEntity(store, name, setExit, opts.json);
        if (entity) await writeOut(opts.json ? `${JSON.stringify(entity)}\n` : profileText(entity));
      });
    });

  addDbOption(
    program.command('timeline').description("an actor's merged events (or a pair's), in date order"),
  )
    .argument('<name>', 'a name in any spelling, an alias, or an id (e17)')
    .option('--with <name>', 'only the events between the two actors')
    .option('--type <PLOVER>', 'only events of this PLOVER type')
    .option('--from <date>', 'on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'on or before (inclusive)')
    .option('--limit <n>', 'at most this many events', '1000')
    .option('--json', 'one JSON line per merged event')
    .action(
      async (
        name: string,
        opts: DbOptions & FilterOptions & { with?: string; json?: boolean; limit: string },
      ) => {
        const filter = filterFrom({ type: opts.type, from: opts.from, to: opts.to }, undefined, setExit);
        if (!filter) return;
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1)
          return usage(setExit, `--limit: "${opts.limit}" is not a positive whole number`);
        await withStore(opts, setExit, async (store) => {
          const entity = await resolveEntity(store, name, setExit, opts.json);
          const other =
            entity && opts.with !== undefined
              ? await resolveEntity(store, opts.with, setExit, opts.json)
              : null;
          if (!entity || (opts.with !== undefined && !other)) return;
          const events = await store.timeline({
            entity: entity.id,
            ...(other ? { with: other.id } : {}),
            ...(filter.type ? { type: filter.type } : {}),
            ...(filter.from ? { from: filter.from } : {}),
            ...(filter.to ? { to: filter.to } : {}),
            limit,
          });
          if (!opts.json)
            await writeOut(
              `${entity.name}${other ? ` and ${other.name}` : ''}: ${events.length} merged events\n`,
            );
          for (const e of events) await writeOut(opts.json ? `${JSON.stringify(e)}\n` : eventText(e));
        });
      },
    );
}
