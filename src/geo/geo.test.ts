// Table tests for the geo gazetteer, with rows that must not match.
import { describe, expect, it } from 'vitest';
import { countryName, gazetteerEntries, lookupDemonym, lookupOrganization, lookupPlace } from './index.js';

describe('lookupPlace', () => {
  const rows: [string, string | null, string?][] = [
    ['North Korea', 'PRK', 'country'],
    ['N Korea', 'PRK', 'country'],
    ['N. Korea', 'PRK', 'country'],
    ['DPRK', 'PRK', 'country'],
    ["Democratic People's Republic of Korea", 'PRK', 'country'],
    ['Pyongyang', 'PRK', 'capital'],
    ['the United States', 'USA', 'country'],
    ['U.S.', 'USA', 'country'],
    ['US', 'USA', 'country'],
    ['America', 'USA', 'country'],
    ['Washington', 'USA', 'capital'],
    ['White House', 'USA', 'seat'],
    ['Kremlin', 'RUS', 'seat'],
    ['Moscow', 'RUS', 'capital'],
    ['Soviet Union', 'RUS', 'country'],
    ['Britain', 'GBR', 'country'],
    ['UK', 'GBR', 'country'],
    ['Beijing', 'CHN', 'capital'],
    ['Seoul', 'KOR', 'capital'],
    ['Tokyo', 'JPN', 'capital'],
    ['Tehran', 'IRN', 'capital'],
    ['Turkey', 'TUR', 'country'],
    ['CÔTE D’IVOIRE', 'CIV', 'country'],
    ['Sao Paulo', 'BRA', 'city'],
    ['São Paulo', 'BRA', 'city'],
    ['Gaza', 'PSE', 'region'],
    ['CHINA', 'CHN', 'country'],
    // Case-folded on purpose: callers look up capitalised words only (documented in index.ts).
    ['chad', 'TCD', 'country'],
    // Must not match.
    ['us', null],
    ['Korea', null],
    ['May', null],
    ['march', null],
    ['Middle East', null],
    ['', null],
    ['   ', null],
    ['the', null],
  ];
  it.each(rows)('%s -> %s', (name, country, kind) => {
    const place = lookupPlace(name);
    expect(place?.country ?? null).toBe(country);
    if (kind) expect(place?.kind).toBe(kind);
  });
});

describe('lookupDemonym', () => {
  const rows: [string, string | null][] = [
    ['North Korean', 'PRK'],
    ['North Koreans', 'PRK'],
    ['South Korean', 'KOR'],
    ['Chinese', 'CHN'],
    ['Russian', 'RUS'],
    ['American', 'USA'],
    ['Americans', 'USA'],
    ['British', 'GBR'],
    ['Israeli', 'ISR'],
    ['Palestinian', 'PSE'],
    ['Iranian', 'IRN'],
    ['Afghans', 'AFG'],
    ['French', 'FRA'],
    ['Soviet', 'RUS'],
    ['Korean', null],
    ['Congolese', 'COD'],
    ['people', null],
    ['', null],
  ];
  it.each(rows)('%s -> %s', (word, country) => expect(lookupDemonym(word)).toBe(country));
});

describe('lookupOrganization', () => {
  const rows: [string, string | null][] = [
    ['UN', 'United Nations'],
    ['U.N.', 'United Nations'],
    ['the United Nations', 'United Nations'],
    ['Security Council', 'UN Security Council'],
    ['EU', 'European Union'],
    ['IAEA', 'IAEA'],
    ['NATO', 'NATO'],
    ['WHO', 'World Health Organization'],
    ['Red Cross', 'International Committee of the Red Cross'],
    ['who', null],
    ['un', null],
    ['Kremlin', null],
  ];
  it.each(rows)('%s -> %s', (name, canonical) => {
    const org = lookupOrganization(name);
    expect(org?.name ?? null).toBe(canonical);
    if (org) expect(org).toMatchObject({ country: null, kind: 'igo' });
  });
});

describe('countryName', () => {
  const rows: [string, string | null][] = [
    ['PRK', 'North Korea'],
    ['RUS', 'Russia'],
    ['CHN', 'China'],
    ['kor', 'South Korea'],
    ['TUR', 'Turkey'],
    ['XYZ', null],
    ['', null],
  ];
  it.each(rows)('%s -> %s', (iso3, name) => expect(countryName(iso3)).toBe(name));
});

describe('gazetteerEntries', () => {
  it('lists phrases of every type, built once', () => {
    const entries = gazetteerEntries();
    expect(gazetteerEntries()).toBe(entries);
    const find = (phrase: string) => entries.find((e) => e.phrase === phrase)?.type;
    expect(find('Pyongyang')).toBe('GPE');
    expect(find('Korean Peninsula')).toBe('LOC');
    expect(find('North Korean')).toBe('NORP');
    expect(find('IAEA')).toBe('ORG');
    expect(find('Kremlin')).toBe('ORG');
  });
});
