/**
 * The event metric of ../shared/tools/score-events.mjs, reimplemented so that our own gold sets
 * can be scored in `npm test` without the shared folder: type P/R/F1 over (sentence, type) pairs
 * and full match (type + source + target code, an empty gold list accepting anything).
 */
export interface GoldEvent {
  type: string;
  source: string[];
  target: string[];
}
export interface PredEvent {
  type: string;
  source: string | null;
  target: string | null;
}
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function scoreEvents(pairs: { gold: GoldEvent[]; pred: PredEvent[] }[]): { type: Prf; full: Prf } {
  const t = { tp: 0, fp: 0, fn: 0 };
  const f = { tp: 0, fp: 0, fn: 0 };
  for (const { gold, pred } of pairs) {
    const gt = new Set(gold.map((e) => e.type));
    const pt = new Set(pred.map((e) => e.type));
    for (const x of pt)
      if (gt.has(x)) t.tp++;
      else t.fp++;
    for (const x of gt) if (!pt.has(x)) t.fn++;
    const used = new Set<number>();
    const ok = (list: string[], code: string | null) =>
      !list.length || (code !== null && list.includes(code));
    for (const g of gold) {
      const j = pred.findIndex(
        (e, i) => !used.has(i) && e.type === g.type && ok(g.source, e.source) && ok(g.target, e.target),
      );
      if (j >= 0) {
        used.add(j);
        f.tp++;
      } else f.fn++;
    }
    f.fp += pred.length - used.size;
  }
  return { type: prf(t.tp, t.fp, t.fn), full: prf(f.tp, f.fp, f.fn) };
}
