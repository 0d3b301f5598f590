// Table tests for the entity stage with the committed model: types, spans without possessive
// "'s", canonical forms, countries, and rows that must not be entities. Sentences are our own.
import { describe, expect, it } from 'vitest';
import { createDoc, type Entity } from '../doc/index.js';
import { compose } from '../pipeline/stage.js';
import { entityStage } from './entities.js';
import { sentenceStage } from './sentences.js';
import { tokenStage } from './token-stage.js';

const pipeline = compose([sentenceStage(), tokenStage({ tagger: null }), entityStage()], { check: true });

function entities(text: string): (Entity & { text: string })[] {
  const doc = pipeline(createDoc('t', text));
  return (doc.layers.entities ?? []).map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
}
const find = (text: string, mention: string) => entities(text).find((e) => e.text === mention);

describe('entityStage: types and spans', () => {
  const rows: [string, string, string][] = [
    ['Choe Ryong-hae flew to Moscow on Monday for talks with officials.', 'Choe Ryong-hae', 'PERSON'],
    ['Officials said Choe Ryong Hae would stay in the capital for a week.', 'Choe Ryong Hae', 'PERSON'],
    ['The defence minister Hyon Yong-chol was not seen at the parade.', 'Hyon Yong-chol', 'PERSON'],
    ['The grain deal was agreed with North Korean envoy Pak Chol Su last week.', 'Pak Chol Su', 'PERSON'],
    ['Ministers met Ri Son Gwon again on Tuesday.', 'Ri Son Gwon', 'PERSON'],
    ['Son Heung-min scored twice in the second half.', 'Son Heung-min', 'PERSON'],
    ['The visit was hosted by the United Arab Emirates.', 'United Arab Emirates', 'GPE'],
    ['The delegation left Pyongyang by train on Tuesday.', 'Pyongyang', 'GPE'],
    ['Trade between the two sides grew after the visit to Beijing.', 'Beijing', 'GPE'],
    ["A senior official of the Workers' Party spoke at the rally.", "Workers' Party", 'ORG'],
    ["He joined the Workers' Party of Korea in his youth.", "Workers' Party of Korea", 'ORG'],
    ['Officials at the Central Savings Bank declined to comment.', 'Central Savings Bank', 'ORG'],
    ["Kim Jong-un's sister gave a short speech to the crowd.", 'Kim Jong-un', 'PERSON'],
    [
      'The report was carried by the Korean Central News Agency on Friday.',
      'Korean Central News Agency',
      'ORG',
    ],
    ['Chinese officials declined to comment on the report.', 'Chinese', 'NORP'],
    ['Tensions on the Korean peninsula eased in the spring.', 'Korean peninsula', 'LOC'],
    ['Tensions on the Korean Peninsula eased in the spring.', 'Korean Peninsula', 'LOC'],
    ['Fishing fleets returned to the ports of the Russian Far East.', 'Russian Far East', 'LOC'],
  ];
  it.each(rows)('%s -> %s', (text, mention, type) => {
    expect(find(text, mention)?.type).toBe(type);
  });

  const mustNot: [string, string][] = [
    ['Though the talks ended early, both sides said they would meet again.', 'Though'],
    ['Last month the ministry said little about the plan.', 'Last'],
    ['Last month the ministry said little about the plan.', 'Last month'],
    ["Kim Jong-un's sister gave a short speech to the crowd.", "Kim Jong-un's"],
    ["He joined the Workers' Party of Korea in his youth.", 'Korea'],
    ["He joined the Workers' Party of Korea in his youth.", "Workers' Party"],
    // A nationality stays a nationality when no region word follows it.
    ['Korean officials met on the border.', 'Korean officials'],
    ['Tensions on the Korean peninsula eased in the spring.', 'Korean'],
  ];
  it.each(mustNot)('%s: %s is not an entity', (text, mention) => {
    expect(find(text, mention)).toBeUndefined();
  });
});

describe('entityStage: canonical forms and countries', () => {
  const text =
    'Choe Ryong-hae arrived in Moscow on Monday. Russian President Vladimir Putin met him there. ' +
    'Later vice-marshal Choe said Choe Ryong Hae had carried a letter. Putin did not reply. ' +
    "North Korea's Foreign Trade Bank was also named. The United Nations said nothing.";
  const all = entities(text);
  const rows: [string, string, string | null][] = [
    ['Choe', 'Choe Ryong-hae', null],
    ['Choe Ryong Hae', 'Choe Ryong-hae', null],
    ['Vladimir Putin', 'Vladimir Putin', 'RUS'],
    ['Putin', 'Vladimir Putin', 'RUS'],
    ['Moscow', 'Moscow', 'RUS'],
    ['United Nations', 'United Nations', null],
  ];
  it.each(rows)('%s -> %s (%s)', (mention, canonical, country) => {
    const e = all.find((x) => x.text === mention);
    expect(e?.canonical).toBe(canonical);
    expect(e?.country).toBe(country);
  });

  it('gives the organisation after "North Korea\'s" the country PRK', () => {
    const bank = all.find((e) => e.type === 'ORG' && e.text.endsWith('Trade Bank'));
    expect(bank?.text).toBe('Foreign Trade Bank');
    expect(bank?.country).toBe('PRK');
  });

  it('never includes a possessive in an entity', () => {
    expect(all.some((e) => /'s$/.test(e.text))).toBe(false);
  });

  const appositions: [string, string, string | null][] = [
    ['Ri Son Gwon, a senior North Korean diplomat, landed in Beijing.', 'Ri Son Gwon', 'PRK'],
    ['The talks were led by Anna Keller, the Swiss envoy to the region.', 'Anna Keller', 'CHE'],
    // Must not: a nationality outside the apposition, or after a name with no apposition.
    ['Anna Keller, a veteran diplomat, met Chinese officials.', 'Anna Keller', null],
    ['Anna Keller met Chinese officials.', 'Anna Keller', null],
  ];
  it.each(appositions)('%s: %s is from %s', (sentence, mention, country) => {
    expect(entities(sentence).find((e) => e.text === mention)?.country).toBe(country);
  });

  it('reads "Mr Kim" as Kim, the same person as Kim Jong-un', () => {
    const found = entities('North Korean leader Kim Jong-un spoke on Monday. Mr Kim said little.');
    const kim = found.find((e) => e.text === 'Kim');
    expect(kim?.canonical).toBe('Kim Jong-un');
    expect(kim?.country).toBe('PRK');
    expect(found.some((e) => e.text.startsWith('Mr'))).toBe(false);
  });
});
