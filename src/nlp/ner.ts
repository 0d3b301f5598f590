/**
 * The NER tagger as others use it: words of a document's sentences in, CoNLL BIO tags (PER LOC
 * ORG MISC) out. Runs the first pass and, when the model ships one, the document pass that
 * reads the first pass's labels across the whole document. Loaded once, lazily, from models/.
 */
import { documentHints, NerDecoder } from './ner-decode.js';
import { WordFeatureCache, type FeatureResources } from './ner-features.js';
import { englishWords, koreanNames, nerGazetteer, type GazetteerVariant } from './ner-gazetteer.js';
import { repairCountries, repairKoreanNames, repairOrganisations, repairPersons } from './ner-repair.js';
import { lookupPlace } from '../geo/index.js';
import { labelsToBio, modelsDir, readModelFiles, type NerWeights, type WordClasses } from './ner-model.js';

export interface NerTagger {
  /** BIO tags for every sentence (array of words) of one document. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
}

const isCountry = (name: string): boolean => lookupPlace(name)?.kind === 'country';

/** Builds a tagger from trained passes (first pass, then optionally the document pass). */
export function createNerTagger(
  passes: readonly NerWeights[],
  resources: FeatureResources,
  /**
   * Apply the span repairs of ner-repair.ts: countries, organisations when the gazetteer has
   * organisation words, persons when the model reads the English dictionary, Korean names.
   */
  repair = true,
  /** How the passes were trained to decode: greedy (rounds 1-2) or Viterbi over BILOU paths. */
  search: 'greedy' | 'viterbi' = 'greedy',
): NerTagger {
  const words = new WordFeatureCache(resources);
  const decoders = passes.map((p) => new NerDecoder(p, resources, words, search));
  const first = decoders[0];
  if (!first) throw new Error('createNerTagger needs at least one trained pass');
  return {
    tagDocument(sentences) {
      const prepared = first.prepare(sentences);
      let labels = first.decodeDocument(prepared);
      const second = decoders[1];
      if (second) labels = second.decodeDocument(prepared, { docHints: documentHints(sentences, labels) });
      const orgWords = resources.gazetteer?.orgWords;
      const dictionary = resources.englishWords;
      const korean = koreanNames();
      return labels.map((l, i) => {
        const sentence = sentences[i]!;
        let tags = labelsToBio(l);
        if (!repair) return tags;
        tags = repairCountries(sentence, tags, isCountry);
        if (orgWords) tags = repairOrganisations(sentence, tags, orgWords);
        if (dictionary)
          tags = repairPersons(sentence, tags, (w) => dictionary.get(w)?.includes('C') === true);
        return repairKoreanNames(sentence, tags, korean);
      });
    },
  };
}

/** The features a model was trained with, from its config (older models lack the newer keys). */
export function resourcesFor(config: Record<string, unknown>, clusters: WordClasses): FeatureResources {
  const gaz = config.gazetteer;
  return {
    clusters,
    // Round-1 models wrote `true` for the base gazetteer.
    gazetteer: gaz ? nerGazetteer(gaz === true ? 'base' : (gaz as GazetteerVariant)) : undefined,
    docCase: config.docCase === true,
    headlineCase: config.headlineCase === true,
    shapePairs: config.shapePairs === true,
    englishWords: config.dictionary === true ? englishWords() : undefined,
  };
}

const loaded = new Map<string, NerTagger | null>();

/** The shipped tagger, read once from `dir` (models/ by default); null when the files are absent. */
export function loadNerTagger(dir = modelsDir): NerTagger | null {
  if (loaded.has(dir)) return loaded.get(dir)!;
  const files = readModelFiles(dir);
  const tagger = files
    ? createNerTagger(
        files.passes,
        resourcesFor(files.passes[0]!.config, files.clusters),
        true,
        // Models made before Viterbi decoding say nothing and were trained greedily.
        files.passes[0]!.config.search === 'viterbi' ? 'viterbi' : 'greedy',
      )
    : null;
  loaded.set(dir, tagger);
  return tagger;
}
