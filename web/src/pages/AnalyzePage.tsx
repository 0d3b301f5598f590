/** Paste an article (text or HTML) and see it analysed in the reader; storing it is a choice. */
import { useState } from 'react';
import { apiFetch } from '../api.js';
import { ArticleView, type ViewedArticle } from '../components/ArticleView.js';
import { Problem } from '../components/Status.js';

interface AnalyzeResult {
  article: ViewedArticle;
  stored: string | null;
}

export function AnalyzePage() {
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<'text' | 'html'>('text');
  const [published, setPublished] = useState('');
  const [store, setStore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AnalyzeResult | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { [format]: content, ...(published ? { published } : {}), store };
      setResult(
        await apiFetch<AnalyzeResult>('/api/analyze', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    } catch (err) {
      setResult(null);
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="analyze-page">
      <h1>Analyse an article</h1>
      <form
        className="analyze-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field wide">
          <span>Article {format === 'html' ? 'HTML' : 'text'}</span>
          <textarea value={content} onChange={(e) => setContent(e.target.value)} rows={10} required />
        </label>
        <fieldset className="inline">
          <legend>Input is</legend>
          <label>
            <input
              type="radio"
              name="format"
              checked={format === 'text'}
              onChange={() => setFormat('text')}
            />{' '}
            plain text
          </label>
          <label>
            <input
              type="radio"
              name="format"
              checked={format === 'html'}
              onChange={() => setFormat('html')}
            />{' '}
            HTML
          </label>
        </fieldset>
        <label className="field">
          <span>Published (for relative dates)</span>
          <input type="date" value={published} onChange={(e) => setPublished(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={store} onChange={(e) => setStore(e.target.checked)} /> Store it in
          the corpus
        </label>
        <div className="form-actions">
          <button type="submit" disabled={busy || !content.trim()}>
            {busy ? 'Analysing…' : 'Analyse'}
          </button>
        </div>
      </form>
      {error ? <Problem error={error} /> : null}
      {result ? (
        <>
          {result.stored ? <p role="status">Stored: {result.stored}.</p> : null}
          <ArticleView key={result.article.body} article={result.article} merged={null} at={null} />
        </>
      ) : null}
    </div>
  );
}
