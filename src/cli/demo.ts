/**
 * `storyline demo`: the sample corpus that ships inside the package (`samples/`, written by
 * the project), by default ingested into a temporary store and linked (demo-linked.ts prints
 * what linking found). `--format articles` analyses each article through the same library path
 * as `analyze` (readInputs, then analyzeRaw) and prints per article its title, date, how much
 * page text was dropped, top entities, time expressions and events, then corpus-wide counts;
 * `--format jsonl` prints the analyze JSON. Reads nothing outside the package and never the
 * network, so it works on a fresh clone.
 */
import type { Command } from 'commander';
import { textOf, toJson, type Doc, type Entity, type Failure } from '../doc/index.js';
import { cleanPlainText } from '../extract/index.js';
import { analyzeRaw, type AnalyzeOptions } from '../pipeline/index.js';
import { readInputs } from '../ingest/index.js';
import { renderTable } from './format-text.js';
import { buildSampleStore, SAMPLE_MANIFEST } from './sample-store.js';
import { formatLinkedView } from './demo-linked.js';

export { SAMPLE_MANIFEST } from './sample-store.js';

export interface SampleArticle {
  readonly doc: Doc;
  readonly kind: 'html' | 'text';
  /** Characters of the decoded input (page or scraped file) before extraction. */
  readonly inputChars: number;
  /** Lines the plain-text cleaner dropped as page furniture; null for HTML pages. */
  readonly droppedLines: number | null;
}

export interface SampleCorpus {
  readonly articles: SampleArticle[];
  readonly failures: Failure[];
}

/** Analyses every article of the sample corpus, in manifest order. */
export async function analyzeSampleCorpus(opts: AnalyzeOptions = {}): Promise<SampleCorpus> {
  const articles: SampleArticle[] = [];
  const failures: Failure[] = [];
  for await (const raw of readInputs([], [SAMPLE_MANIFEST])) {
    if (!raw.ok) {
      failures.push(raw.error);
      continue;
    }
    const result = analyzeRaw(raw.value, opts);
    if (!result.ok) {
      failures.push(result.error);
      continue;
    }
    const { html, text } = raw.value;
    articles.push({
      doc: result.value,
      kind: html !== undefined ? 'html' : 'text',
      inputChars: (html ?? text ?? '').length,
      droppedLines: html === undefined && text !== undefined ? cleanPlainText(text).dropped.length : null,
    });
  }
  return { articles, failures };
}

const TOP_ENTITIES = 8;
const MAX_TIMEXES = 8;
const EVIDENCE_CHARS = 56;
const INDENT = '    ';

const number = (n: number): string => n.toLocaleString('en-US');

function excerpt(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "GPE 12, PERSON 7": counts of each value, most frequent first, ties by name. */
function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return sorted.map(([v, n]) => `${v} ${n}`).join(', ');
}

/** The most mentioned entities, by canonical form, in order of first mention on ties. */
function topEntities(entities: readonly Entity[]): string {
  const groups = new Map<string, { label: string; count: number }>();
  for (const e of entities) {
    const key = `${e.type}\t${e.canonical}`;
    const g = groups.get(key) ?? { label: `${e.canonical} (${e.type})`, count: 0 };
    g.count++;
    groups.set(key, g);
  }
  const top = [...groups.values()].sort((a, b) => b.count - a.count).slice(0, TOP_ENTITIES);
  const more = groups.size - top.length;
  return (
    top.map((g) => (g.count > 1 ? `${g.label} ×${g.count}` : g.label)).join(', ') +
    (more > 0 ? `, +${more} more` : '')
  );
}

const actorName = (a: { name: string; country: string | null } | null): string =>
  a ? `${a.name}${a.country && a.country !== a.name ? ` (${a.country})` : ''}` : '—';

function articleLines(article: SampleArticle, n: number): string[] {
  const { doc } = article;
  const lines = [`${n}. ${doc.meta.title ?? '(no title)'}`];
  const d = article.droppedLines;
  const dropped = d === null ? '' : `, ${d} line${d === 1 ? '' : 's'} dropped (repeated headline, furniture)`;
  lines.push(
    `${INDENT}${doc.id} · ${doc.meta.source ?? 'unknown source'} · published ${doc.meta.published ?? 'unknown'}`,
    `${INDENT}body ${number(doc.text.length)} chars from a ${number(article.inputChars)}-char ${article.kind === 'html' ? 'page' : 'text file'}${dropped}`,
  );
  const { entities, timexes, events } = doc.layers;
  if (entities) lines.push(`${INDENT}entities: ${entities.length ? topEntities(entities) : 'none'}`);
  if (timexes) {
    const shown = timexes.slice(0, MAX_TIMEXES).map((t) => `"${textOf(doc, t)}" = ${t.value ?? '?'}`);
    const more = timexes.length > MAX_TIMEXES ? `, +${timexes.length - MAX_TIMEXES} more` : '';
    lines.push(`${INDENT}time: ${shown.length ? shown.join(', ') + more : 'none'}`);
  }
  if (events) {
    if (!events.length) lines.push(`${INDENT}events: none`);
    else {
      const rows = events.map((e) => [
        e.date ?? '—',
        actorName(e.source),
        e.mode ? `${e.type}/${e.mode}` : e.type,
        actorName(e.target),
        e.modality,
        excerpt(textOf(doc, e.evidence), EVIDENCE_CHARS),
      ]);
      const table = renderTable(['date', 'source', 'type/mode', 'target', 'modality', 'evidence'], rows);
      lines.push(`${INDENT}events:`, ...table.map((l) => `${INDENT}  ${l}`));
    }
  }
  if (doc.issues.length) lines.push(`${INDENT}issues: ${tally(doc.issues.map((i) => i.code))}`);
  return lines;
}

/** A spelling-blind key: "Pak Chol-su", "Pak Chol Su" and "PAK CHOL SU" meet here. */
const spellingKey = (name: string): string =>
  name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Entities whose canonical form differs across articles in spacing, hyphens or accents. */
export function severalSpellings(docs: readonly Doc[]): string[] {
  const forms = new Map<string, Map<string, Set<string>>>();
  for (const doc of docs)
    for (const e of doc.layers.entities ?? []) {
      const key = spellingKey(e.canonical);
      const byForm = forms.get(key) ?? new Map<string, Set<string>>();
      byForm.set(e.canonical, (byForm.get(e.canonical) ?? new Set()).add(doc.id));
      forms.set(key, byForm);
    }
  // Forms that differ only in case ("SEOUL" in a dateline) are not different spellings.
  const spelledApart = (byForm: Map<string, Set<string>>): boolean =>
    new Set([...byForm.keys()].map((f) => f.toLowerCase())).size > 1;
  return [...forms.values()]
    .filter(spelledApart)
    .map((byForm) =>
      [...byForm].map(([form, ids]) => `${form} (${ids.size} article${ids.size > 1 ? 's' : ''})`).join(' / '),
    );
}

function corpusLines(corpus: SampleCorpus): string[] {
  const docs = corpus.articles.map((a) => a.doc);
  const html = corpus.articles.filter((a) => a.kind === 'html').length;
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const lines = [
    'Corpus',
    `${INDENT}articles: ${docs.length} (${html} HTML pages, ${docs.length - html} plain-text files), ${corpus.failures.length} failed`,
    `${INDENT}body text: ${number(chars)} chars`,
  ];
  const layer = <T>(get: (d: Doc) => readonly T[] | undefined): T[] | null =>
    docs.some((d) => get(d)) ? docs.flatMap((d) => get(d) ?? []) : null;
  const entities = layer((d) => d.layers.entities);
  const timexes = layer((d) => d.layers.timexes);
  const events = layer((d) => d.layers.events);
  const counted = (label: string, types: string[]): string =>
    `${INDENT}${label}: ${types.length}${types.length ? ` (${tally(types)})` : ''}`;
  if (entities)
    lines.push(
      counted(
        'entities',
        entities.map((e) => e.type),
      ),
    );
  if (timexes)
    lines.push(
      counted(
        'time expressions',
        timexes.map((t) => t.type),
      ),
    );
  if (events)
    lines.push(
      counted(
        'events',
        events.map((e) => e.type),
      ),
    );
  if (entities) {
    const spellings = severalSpellings(docs);
    lines.push(`${INDENT}under several spellings: ${spellings.length ? spellings.join('; ') : 'none found'}`);
  }
  const missing = (['entities', 'timexes', 'events'] as const).filter((l) => !docs.some((d) => d.layers[l]));
  if (missing.length) lines.push(`${INDENT}not yet in the pipeline: ${missing.join(', ')}`);
  return lines;
}

/** The whole readable summary, ending in a newline. */
export function formatDemoSummary(corpus: SampleCorpus): string {
  const head = [
    `Storyline demo: ${corpus.articles.length} sample articles from samples/ (written by the project; fictional)`,
    '',
  ];
  const articles = corpus.articles.flatMap((a, i) => [...articleLines(a, i + 1), '']);
  return [...head, ...articles, ...corpusLines(corpus), ''].join('\n');
}

const FORMATS = ['linked', 'articles', 'jsonl'];

export function registerDemo(program: Command, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description('ingest and link the built-in sample corpus (samples/) and print what linking found')
    .option(
      '--format <format>',
      'linked (entities, stories, duplicates, a timeline), articles (each article analysed), or jsonl (what analyze prints)',
      'linked',
    )
    .action(async (opts: { format: string }) => {
      if (!FORMATS.includes(opts.format)) {
        process.stderr.write(`storyline: --format: expected ${FORMATS.join(', ')}, got "${opts.format}"\n`);
        return setExit(2);
      }
      if (opts.format === 'linked') {
        const sample = await buildSampleStore();
        try {
          if (sample.summary.failed) setExit(1);
          process.stdout.write(await formatLinkedView(sample.store, sample.summary));
        } finally {
          await sample.dispose();
        }
        return;
      }
      const corpus = await analyzeSampleCorpus();
      for (const f of corpus.failures) process.stderr.write(`storyline: ${f.input}: ${f.message}\n`);
      if (corpus.failures.length) setExit(1);
      process.stdout.write(
        opts.format === 'jsonl'
          ? corpus.articles.map((a) => `${JSON.stringify(toJson(a.doc))}\n`).join('')
          : formatDemoSummary(corpus),
      );
    });
}
