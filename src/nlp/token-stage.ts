/**
 * The token stage: tokenizes each sentence and tags each token with its part of speech. The
 * tagger is loaded once, on the stage's first run; without a model file the tokens carry no
 * `pos` and the doc gets an E_MODEL_MISSING issue.
 */
import { ERRORS, type Token } from '../doc/index.js';
import type { Stage } from '../pipeline/stage.js';
import { loadPosTagger, type PosTagger } from './pos.js';
import { tokenize } from './tokenize.js';

export interface TokenStageOptions {
  /** The tagger to use; the shipped model by default, `null` for tokens without tags. */
  readonly tagger?: PosTagger | null;
}

export function tokenStage(opts: TokenStageOptions = {}): Stage<'tokens'> {
  let tagger: PosTagger | null | undefined = opts.tagger;
  return {
    name: 'tokens',
    provides: 'tokens',
    requires: ['sentences'],
    run(doc, ctx) {
      if (tagger === undefined) tagger = loadPosTagger();
      if (tagger === null && opts.tagger !== null)
        ctx.issue({ code: 'E_MODEL_MISSING', message: `${ERRORS.E_MODEL_MISSING}: models/pos.json.gz` });
      const out: Token[] = [];
      for (const sentence of doc.layers.sentences ?? []) {
        const spans = tokenize(doc.text, sentence.start, sentence.end);
        if (!tagger) {
          for (const s of spans) out.push(s);
          continue;
        }
        const tags = tagger.tag(spans.map((s) => doc.text.slice(s.start, s.end)));
        spans.forEach((s, k) => out.push({ start: s.start, end: s.end, pos: tags[k]! }));
      }
      return out;
    },
  };
}
