/**
 * Reported obligations as requests: "Iran said the United States must withdraw its troops" is,
 * in PLOVER as in CAMEO, a REQUEST from the speaker (Iran) to the party that "must" act (the
 * United States); what must be done is the request's content, not an event that happened.
 * Only obligations someone is reported as stating count: the writer's own "should" codes nothing.
 */
import type { EventType } from '../doc/index.js';
import type { ActorMention } from './actors.js';
import { boundaryBefore, clauseEnd, isReporting } from './clause.js';
import type { TriggerEntry } from './lexicon.js';
import { subjectActor, type RoleContext } from './roles.js';
import type { TriggerMatch } from './triggers.js';

export interface Demand {
  /** The modal word, which serves as the trigger. */
  readonly trigger: TriggerMatch;
  readonly speaker: ActorMention | null;
  readonly addressee: ActorMention | null;
  /** Word range of the demanded content: [from, to). */
  readonly from: number;
  readonly to: number;
}

const OBLIGATION = new Set(['must', 'should']);

function modalEntry(word: string): TriggerEntry {
  return { head: word, rest: [], pos: 'V', type: 'REQUEST' as EventType, mode: null, origin: 'demands.ts' };
}

/** The speaker of a clause that ends in an attribution: "..., the minister said". */
function trailingSpeaker(c: RoleContext, end: number): ActorMention | null {
  if (c.words[end]?.text !== ',') return null;
  for (let k = end + 1; k < c.words.length && k <= end + 7; k++)
    if (isReporting(c.words[k]!))
      return (
        c.actors.find((a) => a.first > end && a.last < k) ??
        c.actors.find((a) => a.first > k && a.first <= k + 4) ??
        null
      );
  return null;
}

export function findDemands(c: RoleContext): Demand[] {
  const out: Demand[] = [];
  c.words.forEach((w, k) => {
    const ought = w.lower === 'ought' && c.words[k + 1]?.lower === 'to';
    if (!OBLIGATION.has(w.lower) && !ought) return;
    const b = boundaryBefore(c.words, k);
    const to = clauseEnd(c.words, k);
    const speaker = b.kind === 'report' ? subjectActor(c, b.at) : trailingSpeaker(c, to);
    if (!speaker) return;
    const trigger: TriggerMatch = {
      entry: modalEntry(w.lower),
      head: k,
      last: k,
      objectEnd: null,
      verbal: true,
    };
    out.push({ trigger, speaker, addressee: subjectActor(c, k), from: k + 1, to });
  });
  return out;
}
