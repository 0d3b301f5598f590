/** Event coding: PLOVER events with actors, modality, date and evidence (see stage.ts). */
export { eventStage, codeEvents, geoGazetteer, type EventStageOptions } from './stage.js';
export {
  loadTriggerLexicon,
  parseTriggerLexicon,
  type TriggerLexicon,
  type TriggerEntry,
  type Leader,
} from './lexicon.js';
export type { ActorGazetteer, ActorMention } from './actors.js';
export { actorCode } from './actor-code.js';
