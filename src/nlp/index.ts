/** Language layers: sentences, tokens, part of speech (and, from the NER side, entities). */
export { tokenize } from './tokenize.js';
export { splitSentences, sentenceStage } from './sentences.js';
export { tokenStage, type TokenStageOptions } from './token-stage.js';
export { tagPos, loadPosTagger, createPosTagger, type PosTagger, type PosModel } from './pos.js';
export { entityStage, type EntityStageOptions } from './entities.js';
export { loadNerTagger, createNerTagger, type NerTagger } from './ner.js';
export { canonicalForms, type Mention } from './canonical.js';
