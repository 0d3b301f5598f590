import { describe, expect, it } from 'vitest';
import { classifyLine, type LineContext } from './line-classifier.js';
import { cleanPlainText } from './plain-text.js';

// Report lines the classifier must never drop: sentences, short quotes, datelines, one-line paragraphs.
const MUST_KEEP: [string, LineContext?][] = [
  ['The finance minister said on Tuesday that the budget would be cut by a tenth.'],
  ['"We will not back down," she said.'],
  ['“No,” he replied.'],
  ['LISBON, March 3 (Wire) - Dock workers walked out at dawn over pay, their union said.'],
  ['Talks resume next week.'],
  ['The company said more than 2,000 readers had signed up for its newsletter since March.'],
  ['Officials declined to comment.'],
  ['Police did not say how many people were arrested, and the ministry has not published figures.'],
  ['The two sides met in Geneva,'],
  ['If you live near the river, officials say, you should leave before Friday, the mayor warned.'],
  [
    'Copyright lawyers for the studio argued that the earlier ruling had been wrong and should be reversed on appeal.',
  ],
  [
    'The minister, who was appointed in 2019, has faced growing criticism from his own party over the handling of the strike.',
  ],
  [
    'The app asks users to sign up with a phone number, which critics say exposes them to surveillance.',
    { nearEnd: true },
  ],
  ['The ministry said 40,000 households had subscribed to the new broadband service by June.'],
  ['Updated figures released on Friday showed 1,200 people had been evacuated from the valley overnight.'],
  ['Analysis', { edge: false }],
  ['Ports, strikes, Europe, labour', { edge: false }],
  ['Officials in Paris, Berlin and Rome agreed.', { edge: true }],
  ['Economic fallout', { edge: false }],
];

// Page furniture the classifier must drop, with the reason it gives.
const MUST_DROP: [string, string, LineContext?][] = [
  ['Hide Ad', 'ad-marker'],
  ['Advertisement', 'ad-marker'],
  ['Story continues below advertisement', 'ad-marker'],
  ['Related topics:', 'list-heading'],
  ['More about', 'list-heading'],
  ['Most read', 'list-heading'],
  ['You may also like...', 'list-heading'],
  ['Read more: Rail strike talks collapse', 'list-item'],
  ['Sign up for our morning briefing', 'call-to-action'],
  ['Subscribe to our newsletter and never miss a story.', 'call-to-action'],
  ['Share this on Facebook', 'call-to-action'],
  ['By signing up, you agree to our Privacy policy and Terms of Use.', 'call-to-action'],
  ['Buy this article for republication.', 'call-to-action'],
  ['© 2024 Example Media Group. All rights reserved.', 'copyright'],
  ['Copyright 2023 The Daily Sample', 'copyright'],
  ['12 comments', 'comment-count'],
  ['Post a comment', 'comment-count'],
  ['Photo: Jane Roe / Example Agency', 'caption'],
  ['Image 3 of 12', 'caption'],
  ['Updated: 10:42 am, Tuesday, May 6, 2025', 'timestamp'],
  ['Updated at 1:23 p.m.', 'timestamp'],
  ['5 min read', 'timestamp'],
  ['March 4, 2025', 'timestamp'],
  ['By Ana Lima and Tom Park', 'byline'],
  ['Reporting by Ana Lima; Editing by Tom Park', 'byline'],
  ['Tags: strikes, rail, unions', 'list-item'],
  ['https://example.com/news/2025/strike', 'navigation'],
  ['Rail strike ends after ten days', 'title-repeat', { title: 'Rail strike ends after ten days' }],
  ['Home', 'navigation', { edge: true }],
  ['Maria Lopes.', 'caption', { afterTitle: true }],
  ['Dock Workers Strike Again', 'list-item', { afterListHeading: true }],
  ['Ports, strikes, Europe, labour', 'list-item', { edge: true }],
];

describe('classifyLine', () => {
  it.each(MUST_KEEP)('keeps %j', (line, ctx) => {
    expect(classifyLine(line, ctx)).toMatchObject({ keep: true });
  });
  it.each(MUST_DROP)('drops %j as %s', (line, reason, ctx) => {
    expect(classifyLine(line, ctx)).toEqual({ keep: false, reason });
  });
});

describe('cleanPlainText', () => {
  const scraped = [
    'Port strike spreads to second city',
    '',
    'Port strike spreads to second city',
    'Ana Lima.',
    '',
    'Dock workers in the northern port walked out on Monday, joining a strike that began last week in the capital.',
    '',
    'Hide Ad',
    'Hide Ad',
    '',
    '"We have waited long enough," a union leader told reporters.',
    '',
    'The ports authority said talks would resume on Thursday.',
    '',
    'Related topics:',
    'Strikes',
    'Shipping',
    '',
    'Sign up for our daily newsletter',
  ].join('\n');

  it('takes the headline as title and keeps every report sentence, in order', () => {
    const out = cleanPlainText(scraped);
    expect(out.title).toBe('Port strike spreads to second city');
    expect(out.paragraphs).toEqual([
      'Dock workers in the northern port walked out on Monday, joining a strike that began last week in the capital.',
      '"We have waited long enough," a union leader told reporters.',
      'The ports authority said talks would resume on Thursday.',
    ]);
  });

  it('rejoins hard-wrapped lines', () => {
    const out = cleanPlainText(
      'A headline here\n\nThe council voted on Tuesday to close\nthe bridge until spring.\n',
    );
    expect(out.paragraphs).toEqual(['The council voted on Tuesday to close the bridge until spring.']);
  });

  it('does not take a first sentence for a title', () => {
    const out = cleanPlainText(
      'The council voted on Tuesday to close the old bridge for repairs until next spring.\n',
    );
    expect(out.title).toBeNull();
    expect(out.paragraphs).toHaveLength(1);
  });
});
