/**
 * The NER tagger as others use it: words of a document's sentences in, CoNLL BIO tags (PER LOC
 * ORG MISC) out. Runs the first pass and, when the model ships one, the document pass that
 * reads the first pass's labels across the whole document. Loaded once, lazily, from models/.
 */
import { documentHints, NerDecoder } from './ner-decode.js';
import { WordFeatureCache, type FeatureResources } from './ner-features.js';
import { nerGazetteer } from './ner-gazetteer.js';
import { repairOrganisations } from './ner-repair.js';
import { labelsToBio, modelsDir, readModelFiles, type NerWeights, type WordClasses } from './ner-model.js';

export interface NerTagger {
  /** BIO tags for every sentence (array of words) of one document. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][];
}

/** Builds a tagger from trained passes (first pass, then optionally the document pass). */
export function createNerTagger(
  passes: readonly NerWeights[],
  resources: FeatureResources,
  /** Apply the organisation-span repairs of ner-repair.ts (when the gazetteer has organisation words). */
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
      return labels.map((l, i) =>
        orgWords && repair ? repairOrganisations(sentences[i]!, labelsToBio(l), orgWords) : labelsToBio(l),
      );
    },
  };
}

/** The features a model was trained with, from its config (older models lack the newer keys). */
export function resourcesFor(config: Record<string, unknown>, clusters: WordClasses): FeatureResources {
  const gaz = config.gazetteer;
  return {
    clusters,
    gazetteer: gaz ? nerGazetteer(gaz === 'extended') : undefined,
    docCase: config.docCase === true,
    headlineCase: config.headlineCase === true,
    shapePairs: config.shapePairs === true,
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
