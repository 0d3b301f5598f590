/**
 * Functions over `Doc`: building one, reading a span's text, adding a layer or an issue.
 * Docs are treated as immutable values; each function returns a new doc.
 */
import type { Doc, DocMeta, Issue, LayerName, Layers, Span } from './types.js';

export function createDoc(id: string, text: string, meta: Partial<DocMeta> = {}): Doc {
  return {
    id,
    text,
    meta: {
      title: meta.title ?? null,
      published: meta.published ?? null,
      url: meta.url ?? null,
      source: meta.source ?? null,
      byline: meta.byline ?? null,
    },
    layers: {},
    issues: [],
  };
}

export function textOf(doc: Pick<Doc, 'text'>, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

export function withLayer<K extends LayerName>(doc: Doc, name: K, layer: NonNullable<Layers[K]>): Doc {
  return { ...doc, layers: { ...doc.layers, [name]: layer } };
}

export function withIssues(doc: Doc, issues: readonly Issue[]): Doc {
  return issues.length ? { ...doc, issues: [...doc.issues, ...issues] } : doc;
}

/** Sorts spans by start, then by end (longest first), the order every layer is kept in. */
export function bySpan<T extends Span>(a: T, b: T): number {
  return a.start - b.start || b.end - a.end;
}

/** The spans of `layer` that lie inside `outer`. Layers are sorted, so this is a scan. */
export function within<T extends Span>(layer: readonly T[], outer: Span): T[] {
  return layer.filter((s) => s.start >= outer.start && s.end <= outer.end);
}
