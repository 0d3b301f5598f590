/** One stored article in the reader; `?at=START-END` marks and scrolls to that sentence. */
import { useParams, useSearchParams } from 'react-router';
import { apiPath, useApi } from '../api.js';
import { ArticleView } from '../components/ArticleView.js';
import { Load } from '../components/Status.js';
import type { ArticleResponse } from '../types.js';

function parseAt(value: string | null): { start: number; end: number } | null {
  const m = value ? /^(\d+)-(\d+)$/.exec(value) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

export function ArticlePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const at = parseAt(params.get('at'));
  const loaded = useApi<ArticleResponse>(apiPath(`articles/${encodeURIComponent(id)}`));
  return (
    <Load loaded={loaded}>
      {({ article, merged, entity_ids }) => (
        <ArticleView
          key={`${article.id}:${params.get('at')}`}
          article={article}
          merged={merged}
          at={at}
          entityIds={entity_ids}
        />
      )}
    </Load>
  );
}
