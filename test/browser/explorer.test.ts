/**
 * The web app in Debian's Chromium over the fixture store: search with facets, open an article,
 * follow an entity, the timeline draws one mark per event, dyad, story and analyse pages,
 * keyboard use and the 390 px layout. Runs when /usr/bin/chromium exists (CI installs it) and is
 * skipped with a one-line notice otherwise. Screenshots land in test/browser/artifacts/.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInChromium, screenshot } from './harness.js';

const timelineDots = (page: Page) => page.locator('[data-testid=timeline] svg g[aria-label=dot] circle');

describeInChromium('explorer in Chromium', (session) => {
  it('searches with words, shows highlighted snippets, and narrows by a facet', async () => {
    const page = await session().newPage();
    await page.goto('/');
    await page.getByLabel('Words').fill('quota');
    await page.getByLabel('Words').press('Enter');
    await expect.poll(() => page.locator('.hit').count()).toBe(4);
    expect(await page.locator('.hit mark').first().textContent()).toBe('quota');
    await screenshot(page, 'search');
    await page.getByRole('button', { name: 'Fjord Daily' }).click();
    await expect.poll(() => page.locator('.hit').count()).toBe(1);
    expect(page.url()).toContain('source=Fjord+Daily');
    expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe('Fjord Daily');
    await page.close();
  });

  it('opens an article with its layers, shows an evidence sentence and a merged event', async () => {
    const page = await session().newPage();
    await page.goto('/?q=envoy+Santiago');
    await page
      .getByRole('link', { name: 'Envoy Ilsa Marrow arrives in Santiago for fisheries talks' })
      .click();
    await page.waitForSelector('.article-body');
    expect(await page.locator('.article-body .entity').allTextContents()).toEqual([
      'Ilsa Marrow',
      'Santiago',
      'Marrow',
      'Tomas Aravena',
      'Norway',
      'Chile',
    ]);
    expect(await page.locator('.article-body .timex').count()).toBe(2);
    expect(await page.locator('.article-body').textContent()).toContain(
      'Norwegian envoy Ilsa Marrow arrived',
    );
    await page.getByRole('button', { name: 'Show sentence' }).nth(1).click();
    const active = page.locator('.evidence.active');
    await expect
      .poll(async () => (await active.allTextContents()).join(''))
      .toBe('Marrow met Chilean fisheries minister Tomas Aravena at the port authority.');
    // Focus moves on the next animation frame after the render, so wait for it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^sentence-\d+-\d+$/);
    await page.getByText('Merged event v1').click();
    expect(await page.locator('details.merged[open] .reports a').first().textContent()).toBe(
      'marrow-arrives-wire',
    );
    await screenshot(page, 'article');
    await page.getByRole('checkbox', { name: 'Entities' }).uncheck();
    expect(await page.locator('.article-body .entity').count()).toBe(0);
    await page.close();
  });

  it('follows an entity from the text to its profile; the timeline has one mark per event', async () => {
    const page = await session().newPage();
    await page.goto('/articles/marrow-warns');
    await page.locator('.article-body .entity', { hasText: 'Ilsa Marrow' }).click();
    await page.waitForSelector('[data-testid=timeline] svg');
    expect(await page.locator('h1').textContent()).toBe('Ilsa Marrow');
    expect(await page.locator('.facts').textContent()).toContain('envoy');
    const id = page.url().split('/entities/')[1]!;
    const api = (await (await page.request.get(`/api/entities/${id}/timeline`)).json()) as {
      events: unknown[];
    };
    expect(api.events.length).toBe(7);
    expect(await timelineDots(page).count()).toBe(api.events.length);
    expect(await page.locator('.entity-page ol.events > li').count()).toBe(api.events.length);
    await screenshot(page, 'entity');
    await page.getByLabel('Event type').selectOption('THREATEN');
    await expect.poll(() => timelineDots(page).count()).toBe(1);
    await page.close();
  });

  it('shows the events between two actors', async () => {
    const page = await session().newPage();
    await page.goto('/entities?name=Ilsa%20Marrow');
    await page.getByRole('link', { name: 'Events between them and Tomas Aravena' }).click();
    await page.waitForSelector('.dyad-page [data-testid=timeline] svg');
    expect(await page.locator('h1').textContent()).toBe('Ilsa Marrow and Tomas Aravena');
    expect(await timelineDots(page).count()).toBe(2);
    await screenshot(page, 'dyad');
    await page.close();
  });

  it('shows a story with its duplicate folded and its merged events', async () => {
    const page = await session().newPage();
    await page.goto('/stories');
    await page.waitForSelector('ol.stories');
    await screenshot(page, 'stories');
    await page.getByRole('link', { name: /Envoy Ilsa Marrow arrives/ }).click();
    await page.waitForSelector('.story-page');
    expect(await page.locator('.story-page .meta').textContent()).toContain(
      'First report 2025-02-03, last 2025-02-11',
    );
    expect(await page.locator('ol.listings > li').count()).toBe(2);
    expect(await page.locator('ol.listings summary').textContent()).toBe('1 duplicate');
    expect(await page.locator('.story-page ol.events > li').count()).toBeGreaterThan(2);
    await screenshot(page, 'story');
    await page.close();
  });

  it('lists merged events with filters kept in the URL', async () => {
    const page = await session().newPage();
    await page.goto('/events');
    await page.getByLabel('Event type').selectOption('CONSULT');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.locator('ol.events > li').count()).toBe(3);
    expect(page.url()).toContain('type=CONSULT');
    await screenshot(page, 'events');
    await page.close();
  });

  it('analyses a pasted article', async () => {
    const page = await session().newPage();
    await page.goto('/analyze');
    await page
      .getByLabel('Article text')
      .fill('Norway said on Friday it would send an envoy to Chile next week.');
    await page.getByLabel('Published (for relative dates)').fill('2025-03-07');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForSelector('.article-body');
    expect(await page.locator('.article-body .entity').allTextContents()).toEqual(['Norway', 'Chile']);
    expect(await page.locator('.article-body .timex').count()).toBe(2);
    await screenshot(page, 'analyze');
    await page.close();
  });

  it('is keyboard-navigable: skip link first, then the navigation', async () => {
    const page = await session().newPage();
    await page.goto('/stories');
    await page.waitForSelector('ol.stories');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form[role=search]');
    // Every form control has a label.
    const unlabelled = await page.evaluate(
      () =>
        [...document.querySelectorAll('input, select, textarea')].filter(
          (el) => !(el as HTMLInputElement).labels?.length,
        ).length,
    );
    expect(unlabelled).toBe(0);
    await page.close();
  });

  it('fits a 390 px wide screen without sideways scrolling', async () => {
    const page = await session().newPage(390);
    for (const path of [
      '/?q=quota',
      '/articles/marrow-arrives',
      '/entities?name=Ilsa%20Marrow',
      '/stories/st-quota',
    ]) {
      await page.goto(path);
      await page.waitForSelector('main h1, main h2');
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await screenshot(page, 'story-390');
    await page.goto('/articles/marrow-arrives');
    await page.waitForSelector('.article-body');
    await screenshot(page, 'article-390');
    await page.close();
  });
});
