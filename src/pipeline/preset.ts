/**
 * The standard preset: the stages `storyline analyze` runs, in order. Each later capability
 * (entities, time, events) adds its stage here.
 */
import type { Stage } from './stage.js';
import { compose, type Pipeline } from './stage.js';
import { sentenceStage } from '../nlp/sentences.js';
import { tokenStage } from '../nlp/token-stage.js';
import { entityStage } from '../nlp/entities.js';
import { timexStage } from '../time/stage.js';
import { eventStage } from '../events/stage.js';

export interface PresetOptions {
  /** Check the data model's invariants after every stage (tests turn this on). */
  readonly check?: boolean;
}

export function standardStages(): Stage[] {
  return [sentenceStage(), tokenStage(), entityStage(), timexStage(), eventStage()];
}

export function standardPipeline(opts: PresetOptions = {}): Pipeline {
  return compose(standardStages(), { check: opts.check ?? false });
}
