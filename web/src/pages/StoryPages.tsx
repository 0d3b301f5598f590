/**
 * Stories: the list, and one story with its articles (each duplicate folded under the article it
 * repeats), its merged events, and its first and last report.
 */
import { Link, useParams } from 'react-router';
import { apiPath, useApi } from '../api.js';
import { articleHref } from '../components/links.js';
import { MergedEventList } from '../components/MergedEvents.js';
import { Load } from '../components/Status.js';
import type { ArticleListing, StoryDetail, StorySummary } from '../types.js';

export function StoriesPage() {
  const loaded = useApi<{ stories: StorySummary[] }>(apiPath('stories', { limit: 200 }));
  return (
    <section>
      <h1>Stories</h1>
      <Load loaded={loaded}>
        {({ stories }) =>
          stories.length ? (
            <ol className="stories">
              {stories.map((s) => (
                <li key={s.id}>
                  <Link to={`/stories/${encodeURIComponent(s.id)}`}>{s.title ?? s.id}</Link>
                  <span className="muted">
                    {' '}
                    {s.first ?? '?'} – {s.last ?? '?'} · {s.articles.length}{' '}
                    {s.articles.length === 1 ? 'article' : 'articles'}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p>No stories yet.</p>
          )
        }
      </Load>
    </section>
  );
}

function ListingLine({ listing }: { listing: ArticleListing }) {
  return (
    <>
      <Link to={articleHref(listing.id)}>{listing.title ?? listing.id}</Link>
      <span className="muted">
        {' '}
        {listing.published ?? 'undated'}
        {listing.source ? ` · ${listing.source}` : ''}
      </span>
    </>
  );
}

export function StoryPage() {
  const { id = '' } = useParams();
  const loaded = useApi<StoryDetail>(apiPath(`stories/${encodeURIComponent(id)}`));
  return (
    <Load loaded={loaded}>
      {(story) => {
        const ids = new Set(story.listings.map((l) => l.id));
        const originals = story.listings.filter((l) => !l.duplicate_of || !ids.has(l.duplicate_of));
        const copiesOf = (id: string) => story.listings.filter((l) => l.duplicate_of === id);
        return (
          <div className="story-page">
            <h1>{story.title ?? story.id}</h1>
            <p className="meta">
              First report {story.first ?? '?'}, last {story.last ?? '?'} · {story.listings.length} articles,{' '}
              {story.listings.length - originals.length} of them duplicates
            </p>
            <section aria-labelledby="story-articles">
              <h2 id="story-articles">Articles</h2>
              <ol className="listings">
                {originals.map((l) => {
                  const copies = copiesOf(l.id);
                  return (
                    <li key={l.id}>
                      <ListingLine listing={l} />
                      {copies.length ? (
                        <details>
                          <summary>
                            {copies.length} {copies.length === 1 ? 'duplicate' : 'duplicates'}
                          </summary>
                          <ul className="plain">
                            {copies.map((c) => (
                              <li key={c.id}>
                                <ListingLine listing={c} />
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </section>
            <section aria-labelledby="story-events">
              <h2 id="story-events">Events ({story.events.length})</h2>
              <MergedEventList events={story.events} />
            </section>
          </div>
        );
      }}
    </Load>
  );
}
