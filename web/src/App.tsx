/** The explorer's frame: a skip link, the navigation, and one route per page. */
import { NavLink, Route, Routes } from 'react-router';
import { AnalyzePage } from './pages/AnalyzePage.js';
import { ArticlePage } from './pages/ArticlePage.js';
import { DyadPage, EntityPage, EntitySearchPage } from './pages/EntityPages.js';
import { EventsPage } from './pages/EventsPage.js';
import { SearchPage } from './pages/SearchPage.js';
import { StoriesPage, StoryPage } from './pages/StoryPages.js';

function NotFound() {
  return (
    <p className="problem" role="alert">
      No such page.
    </p>
  );
}

export function App() {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="site">
        <NavLink to="/" className="brand">
          Storyline
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Search
          </NavLink>
          <NavLink to="/stories">Stories</NavLink>
          <NavLink to="/events">Events</NavLink>
          <NavLink to="/analyze">Analyse</NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<SearchPage />} />
          <Route path="/articles/:id" element={<ArticlePage />} />
          <Route path="/entities" element={<EntitySearchPage />} />
          <Route path="/entities/:id" element={<EntityPage />} />
          <Route path="/dyads/:a/:b" element={<DyadPage />} />
          <Route path="/stories" element={<StoriesPage />} />
          <Route path="/stories/:id" element={<StoryPage />} />
          <Route path="/events" element={<EventsPage />} />
          <Route path="/analyze" element={<AnalyzePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}
