/**
 * The entity stage: runs the CoNLL-trained tagger over each document's tokens and turns its
 * PER/ORG/LOC/MISC spans into the project's types. LOC becomes GPE when src/geo knows it as a
 * country, capital, city or region; MISC becomes NORP for nationalities and religious or
 * political groups. Each entity gets a canonical form (src/nlp/canonical.ts) and, where the
 * document states it, a country: its own for GPE/NORP, and for people and organisations the
 * nationality written just before them ("Russian President Vladimir Putin", "North Korea's
 * Foreign Trade Bank").
 */
import { ERRORS, type Entity, type EntityType, type Token } from '../doc/index.js';
import { lookupDemonym, lookupOrganization, lookupPlace } from '../geo/index.js';
import type { Stage } from '../pipeline/stage.js';
import { canonicalForms } from './canonical.js';
import { loadNerTagger, type NerTagger } from './ner.js';

/** Religious and political group words that CoNLL calls MISC and we call NORP. */
const GROUP_WORDS = new Set(
  'muslim muslims christian christians catholic catholics protestant protestants jewish jew jews hindu hindus buddhist buddhists sikh sikhs islamic sunni sunnis shia shiite shiites republican republicans democrat democrats democratic communist communists socialist socialists conservative conservatives labour liberal liberals maoist maoists marxist marxists kurdish kurds arab arabs palestinian palestinians'.split(
    ' ',
  ),
);
/** Words that may stand between a nationality and the person or organisation it qualifies. */
const TITLE_GAP = /^(?:[A-Z][a-z]+|[a-z]+|'s|')$/;
const NOT_TITLE = new Set([
  'and',
  'or',
  'the',
  'a',
  'an',
  'said',
  'says',
  'told',
  'with',
  'to',
  'by',
  'for',
  'in',
  'on',
  'at',
  'from',
  'as',
  'was',
  'is',
  'that',
  'when',
  'who',
  // Prepositions end a title: "Syria under President Donald Trump" says nothing of his nationality.
  'under',
  'after',
  'before',
  'against',
  'over',
  'about',
  'between',
  'into',
  'during',
  'than',
  'like',
  'of',
  'amid',
  'despite',
  'toward',
  'towards',
  'via',
  'while',
  'since',
  'until',
]);
const CONCAT_TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

export interface EntityStageOptions {
  /** The tagger; the shipped model by default (loaded on first run), null to find no entities. */
  readonly tagger?: NerTagger | null;
}

interface Draft {
  first: number;
  last: number;
  type: EntityType;
  country: string | null;
}

/** Apostrophes and quotes as the CoNLL training text writes them. */
const asTrained = (w: string): string => w.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

function countryOfName(text: string): string | null {
  return lookupDemonym(text) ?? lookupPlace(text)?.country ?? null;
}

function typed(draft: Draft, text: string): Draft {
  if (draft.type === 'LOC') {
    const place = lookupPlace(text);
    if (place && place.kind !== 'seat') return { ...draft, type: 'GPE', country: place.country };
    return { ...draft, country: place?.country ?? draft.country };
  }
  if (draft.type === 'MISC') {
    const demonym = lookupDemonym(text);
    if (demonym) return { ...draft, type: 'NORP', country: demonym };
    if (GROUP_WORDS.has(text.toLowerCase())) return { ...draft, type: 'NORP' };
  }
  return draft;
}

/** Heads that make "<nationality> <head>" a region: "Korean peninsula". */
const REGION_HEADS = new Set(['peninsula']);

/**
 * Regions named after a people are places, though CoNLL-trained taggers read the people:
 * "Korean peninsula" (a nationality before a region word) and "Russian Far East" (a nationality
 * right before a place) become one LOC, whose country is the nationality's when it names one.
 */
function regionsNamedByPeople(found: readonly Draft[], words: readonly string[]): Draft[] {
  const out: Draft[] = [];
  const head = (i: number): boolean => REGION_HEADS.has(words[i]?.toLowerCase() ?? '');
  for (let k = 0; k < found.length; k++) {
    const d = found[k]!;
    const next = found[k + 1];
    const first = words[d.first]!;
    const demonym = lookupDemonym(first);
    const people =
      d.type === 'MISC' &&
      (demonym !== null || /^[A-Z][a-z]+(?:an|ese|ish|ic)$/.test(first)) &&
      (d.first === d.last || head(d.last));
    if (people && next?.type === 'LOC' && next.first === d.last + 1) {
      out.push({ ...d, last: next.last, type: 'LOC', country: demonym });
      k++;
    } else if (people && (head(d.last) || head(d.last + 1))) {
      const last = head(d.last) ? d.last : d.last + 1;
      out.push({ ...d, last, type: 'LOC', country: demonym });
    } else out.push(d);
  }
  return out;
}

export function entityStage(opts: EntityStageOptions = {}): Stage<'entities'> {
  let tagger: NerTagger | null | undefined = opts.tagger;
  return {
    name: 'entities',
    provides: 'entities',
    requires: ['sentences', 'tokens'],
    run(doc, ctx) {
      if (tagger === undefined) tagger = loadNerTagger();
      if (!tagger) {
        if (opts.tagger !== null)
          ctx.issue({ code: 'E_MODEL_MISSING', message: `${ERRORS.E_MODEL_MISSING}: models/ner.bin.gz` });
        return [];
      }
      const sentences: Token[][] = (doc.layers.sentences ?? []).map(() => []);
      let s = 0;
      const sents = doc.layers.sentences ?? [];
      for (const t of doc.layers.tokens ?? []) {
        while (s < sents.length - 1 && t.start >= sents[s]!.end) s++;
        sentences[s]?.push(t);
      }
      const text = (t: Token): string => doc.text.slice(t.start, t.end);
      const tags = tagger.tagDocument(sentences.map((toks) => toks.map((t) => asTrained(text(t)))));
      const drafts: { tokens: Token[]; draft: Draft }[] = [];
      sentences.forEach((toks, si) => {
        const found: Draft[] = [];
        tags[si]!.forEach((tag, i) => {
          const prev = found[found.length - 1];
          if (tag === 'O') return;
          const type = CONCAT_TYPES[tag.slice(2)]!;
          if (tag.startsWith('I-') && prev && prev.last === i - 1 && prev.type === type) prev.last = i;
          else found.push({ first: i, last: i, type, country: null });
        });
        const done: Draft[] = [];
        for (const d of regionsNamedByPeople(found, toks.map(text))) {
          while (d.last > d.first && /^(?:'s?|[.,;:!?"()-])$/.test(asTrained(text(toks[d.last]!)))) d.last--;
          const span = doc.text.slice(toks[d.first]!.start, toks[d.last]!.end);
          let draft = typed(d, span);
          if (draft.type === 'PERSON' || draft.type === 'ORG')
            draft = { ...draft, country: statedCountry(draft, span) };
          done.push(draft);
          drafts.push({ tokens: toks, draft });
        }
        for (const d of done) if (d.type === 'PERSON' && d.country === null) d.country = appositionCountry(d);
        /** "Choe Ryong-hae, a senior North Korean official": the nationality a few words into an apposition. */
        function appositionCountry(d: Draft): string | null {
          const [comma, article] = [toks[d.last + 1], toks[d.last + 2]];
          if (!comma || !article || text(comma) !== ',' || !/^(a|an|the)$/i.test(text(article))) return null;
          for (let j = d.last + 3; j <= d.last + 6 && j < toks.length; j++) {
            const e = done.find((x) => x.first === j);
            if (e && (e.type === 'NORP' || e.type === 'GPE')) return e.country;
            if (e || text(toks[j]!) === ',') return null;
          }
          return null;
        }
        function statedCountry(d: Draft, span: string): string | null {
          const igo = d.type === 'ORG' ? lookupOrganization(span) : null;
          if (igo) return igo.country;
          if (d.type === 'ORG') {
            const lead = toks.slice(d.first, Math.min(d.last, d.first + 2)).map(text);
            const own = countryOfName(lead.join(' ')) ?? (lead[0] ? countryOfName(lead[0]) : null);
            if (own) return own;
          }
          for (let j = d.first - 1, gap = 0; j >= 0 && gap <= 3; j--, gap++) {
            const before = done.find((e) => e.last === j && e.country !== null);
            if (before) return before.country;
            const w = asTrained(text(toks[j]!));
            if (!TITLE_GAP.test(w) || NOT_TITLE.has(w.toLowerCase())) return null;
          }
          return null;
        }
      });
      const spans = drafts.map(({ tokens, draft }) => ({
        start: tokens[draft.first]!.start,
        end: tokens[draft.last]!.end,
        draft,
      }));
      const canon = canonicalForms(
        spans.map((e) => ({ text: doc.text.slice(e.start, e.end), type: e.draft.type })),
      );
      const countryOf = new Map<string, string>();
      spans.forEach((e, i) => {
        const c = e.draft.country;
        if (c && !countryOf.has(`${e.draft.type}:${canon[i]}`))
          countryOf.set(`${e.draft.type}:${canon[i]}`, c);
      });
      const out: Entity[] = spans.map((e, i) => ({
        start: e.start,
        end: e.end,
        type: e.draft.type,
        canonical: canon[i]!,
        country:
          e.draft.country ??
          (e.draft.type === 'ORG' && lookupOrganization(doc.text.slice(e.start, e.end))
            ? null
            : (countryOf.get(`${e.draft.type}:${canon[i]}`) ?? null)),
      }));
      return out.sort((a, b) => a.start - b.start || a.end - b.end);
    },
  };
}
