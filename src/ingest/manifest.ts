/**
 * `--input F.jsonl` manifests: one article per line (`id`, `text` | `html` | `path`,
 * `published`, `title`, `url`, `source`). A bad line becomes one failure naming `F.jsonl:LINE`.
 */
import { z } from 'zod';

const ManifestLine = z
  .object({
    id: z.string().min(1),
    text: z.string().optional(),
    html: z.string().optional(),
    path: z.string().min(1).optional(),
    published: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
    source: z.string().nullable().optional(),
  })
  .refine((l) => [l.text, l.html, l.path].filter((v) => v !== undefined).length === 1, {
    message: 'exactly one of text, html or path is required',
  });
export type ManifestLine = z.infer<typeof ManifestLine>;

export type ParsedLine =
  { ok: true; line: ManifestLine } | { ok: false; code: 'E_BAD_JSON' | 'E_BAD_MANIFEST'; detail: string };

export function parseManifestLine(raw: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { ok: false, code: 'E_BAD_JSON', detail: (err as Error).message };
  }
  const parsed = ManifestLine.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message);
    return { ok: false, code: 'E_BAD_MANIFEST', detail: detail.join('; ') };
  }
  return { ok: true, line: parsed.data };
}
