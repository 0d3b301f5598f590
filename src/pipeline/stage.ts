/**
 * A stage adds one layer to a Doc. It is built once by a factory that takes its options and
 * models (unified's `options => transformer`), then run on many docs. Stages do no I/O and
 * read no clock: whatever they need from outside comes in `ctx`. A stage that throws (a bug)
 * surfaces as a `StageError` naming it, which `analyzeRaw` turns into the document's failure.
 */
import {
  checkInvariants,
  StageError,
  withIssues,
  withLayer,
  type Doc,
  type Issue,
  type LayerName,
  type Layers,
} from '../doc/index.js';

export interface StageContext {
  /** Reported by stages that degrade but go on; collected onto `doc.issues`. */
  readonly issue: (issue: Omit<Issue, 'stage'>) => void;
}

export interface Stage<K extends LayerName = LayerName> {
  readonly name: string;
  readonly provides: K;
  readonly requires: readonly LayerName[];
  run(doc: Doc, ctx: StageContext): NonNullable<Layers[K]>;
}

/** Runs the stages in order; throws `StageError` (with the stage's name) when one throws. */
export type Pipeline = (doc: Doc) => Doc;

/** Chains stages, failing at build time when a stage needs a layer no earlier stage provides. */
export function compose(stages: readonly Stage[], opts: { check?: boolean } = {}): Pipeline {
  const have = new Set<LayerName>();
  for (const stage of stages) {
    const missing = stage.requires.filter((r) => !have.has(r));
    if (missing.length)
      throw new Error(`stage ${stage.name} requires ${missing.join(', ')}, which no earlier stage provides`);
    have.add(stage.provides);
  }
  return (input) =>
    stages.reduce((doc, stage) => {
      try {
        const issues: Issue[] = [];
        const layer = stage.run(doc, { issue: (i) => issues.push({ ...i, stage: stage.name }) });
        const next = withIssues(withLayer(doc, stage.provides, layer), issues);
        if (opts.check) checkInvariants(next);
        return next;
      } catch (err) {
        throw err instanceof StageError ? err : new StageError(stage.name, err);
      }
    }, input);
}
