/**
 * XSS probes: the fixture article whose title, source, URL, body and entity names hold
 * `<script>`, `<img onerror>` and `javascript:` payloads is shown as text on every page that
 * shows it, and nothing runs: the payloads would set a page-level flag, and any dialog, page
 * error or CSP report is recorded as an incident.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { XSS_FLAG } from '../server/fixtures.js';
import { describeInChromium, pwned, screenshot } from './harness.js';

async function assertInert(page: Page): Promise<void> {
  expect(await pwned(page)).toBe(false);
  const active = await page.evaluate(() => ({
    scripts: document.querySelectorAll('main script, main img, main iframe, main object').length,
    jsLinks: [...document.querySelectorAll('a')].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
    ).length,
    handlers: [...document.querySelectorAll('main *')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on')),
    ).length,
  }));
  expect(active).toEqual({ scripts: 0, jsLinks: 0, handlers: 0 });
}

describeInChromium('XSS probes in Chromium', (session) => {
  it('search results show the probe title, source and snippet as text', async () => {
    const page = await session().newPage();
    await page.goto('/?q=Harbour+notes');
    await page.waitForSelector('.hit');
    expect(await page.locator('.hit h3').textContent()).toContain(`<script>window.${XSS_FLAG}=true</script>`);
    expect(await page.locator('.hit .meta').textContent()).toContain('<b onmouseover=');
    await page.goto('/?q=quay');
    await page.waitForSelector('.hit');
    expect(await page.locator('.hit .snippet').textContent()).toContain('<img src=x onerror=');
    await page.locator('.hit .snippet').hover();
    await assertInert(page);
    await page.close();
  });

  it('the reader shows the probe article as text, its javascript: URL unlinked', async () => {
    const page = await session().newPage();
    await page.goto('/articles/probe-article');
    await page.waitForSelector('.article-body');
    expect(await page.locator('h1').textContent()).toContain('<script>');
    expect(await page.locator('.unsafe-url').textContent()).toBe(`javascript:window.${XSS_FLAG}=true`);
    expect(await page.locator('.article-body').textContent()).toContain('<a href="javascript:');
    const entity = page.locator('.article-body .entity').first();
    expect(await entity.textContent()).toContain('<img src=x onerror=');
    for (const el of await page.locator('.article-body .entity, .meta, h1').all()) await el.hover();
    await page.getByRole('button', { name: 'Show sentence' }).click();
    await screenshot(page, 'xss-article');
    await assertInert(page);
    await entity.click();
    await page.waitForSelector('[data-testid=timeline] svg');
    expect(await page.locator('h1').textContent()).toContain('<img src=x onerror=');
    await assertInert(page);
    await page.close();
  });

  it('pages listing the probe entity and its events stay inert', async () => {
    const page = await session().newPage();
    for (const path of ['/events', '/entities?name=Ilsa%20Marrow', '/entities?name=Bergen']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await assertInert(page);
    }
    expect(await page.locator('main').textContent()).toContain('<img src=x onerror=');
    await page.close();
  });

  it('pasted HTML with scripts is analysed, not run', async () => {
    const page = await session().newPage();
    await page.goto('/analyze');
    await page.getByLabel('HTML').check();
    const lines = [
      `Norway said on Friday it would send an envoy to Chile next week <img src=x onerror="window.${XSS_FLAG}=true">.`,
      'The envoy will carry a letter on fishing quotas and meet the fisheries minister in Santiago.',
      'Officials in Oslo said the talks were meant to settle a dispute over southern hake stocks.',
      `Chile has not yet said who will lead its side &lt;script&gt;window.${XSS_FLAG}=true&lt;/script&gt;.`,
    ];
    await page
      .getByLabel('Article HTML')
      .fill(
        `<html><body><article><h1>Probe</h1>${lines.map((l) => `<p>${l}</p>`).join('')}<script>window.${XSS_FLAG}=true</script></article></body></html>`,
      );
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForSelector('.article-body');
    expect(await page.locator('.article-body').textContent()).toContain(
      `<script>window.${XSS_FLAG}=true</script>`,
    );
    await assertInert(page);
    await page.close();
  });
});
