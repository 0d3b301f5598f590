/**
 * `storyline stories` (one line per story: its first headline, dates and articles) and
 * `storyline story ID` (its articles, duplicates folded under their original, and its merged
 * events).
 */
import type { Command } from 'commander';
import type { StoryDetail, StorySummary } from '../store/index.js';
import { eventText } from './entity.js';
import {
  addDbOption,
  positiveInt,
  usage,
  withStore,
  writeOut,
  type DbOptions,
  type Exit,
} from './corpus-options.js';

const PAGE = 500;

const summaryText = (s: StorySummary): string =>
  `${s.id}\t${s.first ?? '?'} to ${s.last ?? '?'}\t${s.articles.length} articles\t${s.title ?? '(no title)'}\n`;

function storyText(s: StoryDetail): string {
  const originals = s.listings.filter((l) => !l.duplicate_of);
  const lines = [`${s.title ?? '(no title)'} (${s.id}), ${s.first ?? '?'} to ${s.last ?? '?'}`];
  for (const a of originals) {
    const copies = s.listings.filter((l) => l.duplicate_of === a.id).map((l) => l.id);
    const similar = a.similar.map((x) => `${x.id} ${x.similarity.toFixed(2)}`);
    lines.push(
      `  ${a.published ?? 'undated'}  ${a.id}  ${a.source ?? '-'}  ${a.title ?? ''}` +
        (copies.length ? `  [duplicates: ${copies.join(', ')}]` : '') +
        (similar.length ? `  [near-duplicates: ${similar.join(', ')}]` : ''),
    );
  }
  lines.push(`  ${s.events.length} merged events:`);
  return `${lines.join('\n')}\n${s.events.map((e) => `  ${eventText(e).replace(/\n(?=.)/g, '\n  ')}`).join('')}`;
}

export function registerStories(program: Command, setExit: Exit): void {
  addDbOption(
    program.command('stories').description('list the stories: articles grouped as they were linked'),
  )
    .option('--limit <n>', 'at most this many stories')
    .option('--json', 'one JSON line per story')
    .action(async (opts: DbOptions & { json?: boolean; limit?: string }) => {
      const limit = opts.limit === undefined ? Infinity : positiveInt(opts.limit, '--limit');
      if (typeof limit === 'string') return usage(setExit, limit);
      await withStore(opts, setExit, async (store) => {
        for (let offset = 0; offset < limit; offset += PAGE) {
          const page = await store.listStories({ limit: Math.min(PAGE, limit - offset), offset });
          for (const s of page) await writeOut(opts.json ? `${JSON.stringify(s)}\n` : summaryText(s));
          if (page.length < PAGE) break;
        }
      });
    });

  addDbOption(program.command('story').description("a story's articles and merged events"))
    .argument('<id>', 'a story id (s3)')
    .option('--json', 'print the story as JSON')
    .action(async (id: string, opts: DbOptions & { json?: boolean }) => {
      await withStore(opts, setExit, async (store) => {
        const story = await store.getStory(id.trim());
        if (!story) {
          process.stderr.write(`storyline: no story has the id "${id}" (see storyline stories)\n`);
          return setExit(1);
        }
        await writeOut(opts.json ? `${JSON.stringify(story)}\n` : storyText(story));
      });
    });
}
