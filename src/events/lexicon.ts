/**
 * The trigger lexicon: hand-edited TSV lists in `lexicons/events/` (one per PLOVER type, plus
 * word classes and actor words), parsed here into lookup tables. Parsing is pure
 * (`parseTriggerLexicon`); `loadTriggerLexicon` reads the files once and keeps the result, so a
 * stage gets its lexicon passed in and does no I/O while it runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { EVENT_TYPES, type EventType } from '../doc/index.js';

export type TriggerPos = 'V' | 'N' | 'A';

/** One pattern element after the head: a literal word or a `{class}` of words. */
export type PatternWord = { readonly word: string } | { readonly cls: string };

export interface TriggerEntry {
  readonly head: string;
  readonly rest: readonly PatternWord[];
  readonly pos: TriggerPos;
  readonly type: EventType;
  readonly mode: string | null;
  /** Where the entry came from, for messages: "consult.tsv:12". */
  readonly origin: string;
}

export type ActorWordKind = 'title' | 'state' | 'civilian';

export interface TriggerLexicon {
  /** Entries by head word (verb lemma, noun or adjective as written in lower case). */
  readonly byHead: ReadonlyMap<string, readonly TriggerEntry[]>;
  readonly classes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Actor words by their first word, longest phrase first. */
  readonly actorWords: ReadonlyMap<string, readonly { words: readonly string[]; kind: ActorWordKind }[]>;
  /** Known leaders by full name and by each distinctive name word (lower case); null when ambiguous. */
  readonly leaders: ReadonlyMap<string, Leader | null>;
}

export interface Leader {
  readonly name: string;
  readonly country: string | null;
  /** The international organisation the person speaks for, if any. */
  readonly organization: string | null;
}

const NAME_PARTICLES = new Set(['al', 'bin', 'da', 'de', 'el', 'van', 'von', 'king', 'queen', 'prince']);

/** Words of group and body names too common to identify one alone ("States", "Bank", "African"). */
const GENERIC_NAME_WORDS = new Set(
  (
    'organization organisation community union bank group movement agency tribunal club program programme ' +
    'commonwealth council states front party army congress brotherhood international world development ' +
    'african american asian european islamic national liberation people united revolutionary democratic ' +
    'republic workers central criminal food energy security collective treaty economic southern eastern ' +
    'western northern non-aligned contact paris inter-american labour muslim shining'
  ).split(' '),
);

/** Lower-case words of a name without edge punctuation: "Workers' Party" -> workers, party. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
    .filter((w) => w);
}

function addLeader(leaders: Map<string, Leader | null>, leader: Leader): void {
  leaders.set(leader.name.toLowerCase(), leader);
  for (const part of nameWords(leader.name)) {
    if (part.length < 3 || NAME_PARTICLES.has(part) || GENERIC_NAME_WORDS.has(part) || part.startsWith('al-'))
      continue;
    const prior = leaders.get(part);
    const same = prior && prior.country === leader.country && prior.organization === leader.organization;
    leaders.set(part, prior === undefined || same ? leader : null);
  }
}

export interface LexiconFile {
  readonly name: string;
  readonly text: string;
}

function rows(file: LexiconFile): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  file.text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    out.push({ cells: raw.split('\t').map((c) => c.trim()), line: i + 1 });
  });
  return out;
}

function parsePattern(lemma: string): { head: string; rest: PatternWord[] } {
  const [head = '', ...rest] = lemma.toLowerCase().split(/\s+/);
  return {
    head,
    rest: rest.map((w) => (w.startsWith('{') && w.endsWith('}') ? { cls: w.slice(1, -1) } : { word: w })),
  };
}

const isEventType = (t: string): t is EventType => (EVENT_TYPES as readonly string[]).includes(t);

/**
 * Builds the lexicon from file contents. A malformed row is a bug in our own data, so it throws
 * with the file and line (the lists ship with the code and are tested).
 */
export function parseTriggerLexicon(files: readonly LexiconFile[]): TriggerLexicon {
  const byHead = new Map<string, TriggerEntry[]>();
  const classes = new Map<string, Set<string>>();
  const actorWords = new Map<string, { words: string[]; kind: ActorWordKind }[]>();
  const leaders = new Map<string, Leader | null>();
  for (const file of files) {
    if (file.name === 'known-actors.tsv') {
      for (const { cells } of rows(file))
        addLeader(leaders, {
          name: cells[0] ?? '',
          country: cells[1] || null,
          organization: cells[2] || null,
        });
      continue;
    }
    if (file.name === 'classes.tsv') {
      for (const { cells } of rows(file)) classes.set(cells[0] ?? '', new Set((cells[1] ?? '').split(/\s+/)));
      continue;
    }
    if (file.name === 'actor-words.tsv') {
      for (const { cells } of rows(file)) {
        const words = (cells[0] ?? '').toLowerCase().split(/\s+/);
        const kind = cells[1] as ActorWordKind;
        const list = actorWords.get(words[0]!) ?? [];
        list.push({ words, kind });
        list.sort((a, b) => b.words.length - a.words.length);
        actorWords.set(words[0]!, list);
      }
      continue;
    }
    for (const { cells, line } of rows(file)) {
      const [lemma = '', pos = '', type = '', mode = ''] = cells;
      const origin = `${file.name}:${line}`;
      if (!lemma || !['V', 'N', 'A'].includes(pos) || !isEventType(type))
        throw new Error(`bad trigger row at ${origin}`);
      const { head, rest } = parsePattern(lemma);
      const entry: TriggerEntry = { head, rest, pos: pos as TriggerPos, type, mode: mode || null, origin };
      const list = byHead.get(head) ?? [];
      list.push(entry);
      byHead.set(head, list);
    }
  }
  for (const list of byHead.values()) {
    for (const e of list)
      for (const w of e.rest)
        if ('cls' in w && !classes.has(w.cls)) throw new Error(`unknown class {${w.cls}} at ${e.origin}`);
    list.sort((a, b) => b.rest.length - a.rest.length);
  }
  return { byHead, classes, actorWords, leaders };
}

let cached: TriggerLexicon | undefined;

/** Reads `lexicons/events/*.tsv` once (resolved from this file: works from src/ and dist/). */
export function loadTriggerLexicon(): TriggerLexicon {
  if (cached) return cached;
  const dir = new URL('../../lexicons/events/', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));
  cached = parseTriggerLexicon(files);
  return cached;
}
