/**
 * RawArticle -> Doc. Picks the HTML or plain-text path, fills title, date and byline, and
 * freezes the body text: every later offset indexes this string. `noClean` keeps the input
 * text verbatim so offsets into the original hold (benchmarks rely on it).
 */
import { createDoc, fail, failure, ok, type Doc, type Issue, type Result } from '../doc/index.js';
import { checkEnglish } from '../ingest/language.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { extractHtmlBody } from './html-body.js';
import { parseDocument } from './html-dom.js';
import { readPageMeta } from './html-meta.js';
import { cleanPlainText } from './plain-text.js';
import { datelineDate, normalisePublished } from './published.js';
import { stripPage } from './strip-html.js';

export interface ExtractOptions {
  /** Take `text` verbatim as the body: no trimming, no line removal. */
  readonly noClean?: boolean;
  /** Publication date for inputs that carry none (`--published`). */
  readonly published?: string | null;
  /** Skip the "is this English?" check. */
  readonly anyLanguage?: boolean;
}

const issue = (code: string, message: string): Issue => ({ code, message, stage: 'extract' });

interface Extracted {
  readonly body: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly byline: string | null;
  readonly issues: Issue[];
}

function extractHtml(raw: RawArticle, html: string): Result<Extracted> {
  const page = stripPage(html);
  const dom = parseDocument(page.html);
  const meta = readPageMeta(dom, raw.url ?? null, page.jsonLd);
  const { body, tried } = extractHtmlBody(page.html, meta.title, meta.jsonLdBody, dom);
  if (!body)
    return fail(failure(raw.input, 'E_NO_ARTICLE', tried.map((t) => `${t.stage}: ${t.reason}`).join('; ')));
  const issues = tried.map((t) =>
    issue('W_FALLBACK', `${t.stage} not used (${t.reason}); fell back to ${body.stage}`),
  );
  const text = body.paragraphs.join('\n\n');
  return ok({
    body: text,
    title: meta.title,
    published: meta.published ?? datelineDate(text),
    byline: meta.byline,
    issues,
  });
}

function extractText(raw: RawArticle, text: string, noClean: boolean): Result<Extracted> {
  if (noClean)
    return ok({ body: text, title: null, published: datelineDate(text), byline: null, issues: [] });
  const clean = cleanPlainText(text);
  const body = clean.paragraphs.join('\n\n');
  if (!body) return fail(failure(raw.input, 'E_NO_ARTICLE', 'every line looks like page furniture'));
  return ok({ body, title: clean.title, published: datelineDate(body), byline: null, issues: [] });
}

export function extractDoc(raw: RawArticle, opts: ExtractOptions = {}): Result<Doc> {
  const given = raw.published ?? opts.published ?? null;
  const published = normalisePublished(given);
  const extracted =
    raw.html !== undefined
      ? extractHtml(raw, raw.html)
      : extractText(raw, raw.text ?? '', opts.noClean ?? false);
  if (!extracted.ok) return extracted;
  const e = extracted.value;
  if (!e.body.trim()) return fail(failure(raw.input, 'E_NO_ARTICLE', 'the body is empty'));
  if (!opts.anyLanguage) {
    const verdict = checkEnglish(e.body);
    if (!verdict.english) return fail(failure(raw.input, 'E_NOT_ENGLISH', verdict.reason));
  }
  const issues = [...(raw.issues ?? []), ...e.issues];
  if (given && !published)
    issues.push(issue('W_BAD_DATE', `publication date "${given}" is not a date; ignored`));
  const doc = createDoc(raw.id, e.body, {
    title: raw.title?.trim() || e.title,
    published: published ?? e.published,
    url: raw.url ?? null,
    source: raw.source ?? null,
    byline: e.byline,
  });
  return ok(issues.length ? { ...doc, issues } : doc);
}
