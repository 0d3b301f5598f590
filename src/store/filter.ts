/**
 * The corpus filters shared by search, export and listing: checked and normalised once here (for
 * the CLI and the server alike), so every store receives clean values. Dates are inclusive TIMEX3
 * prefixes: `--from 2014-11 --to 2014-11` is the whole of November 2014.
 */
import { EVENT_TYPES, type EventType } from '../doc/index.js';
import type { CorpusFilter } from './types.js';

export interface FilterInput {
  text?: string | undefined;
  entity?: string | undefined;
  country?: string | undefined;
  type?: string | undefined;
  source?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type FilterCheck = { ok: true; filter: CorpusFilter } | { ok: false; message: string };

const DATE_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Checks user-given filter values; the message names the option and what was expected. */
export function checkFilter(input: FilterInput): FilterCheck {
  const filter: CorpusFilter = {};
  const text = input.text?.trim();
  if (text) filter.text = text;
  const entity = input.entity?.trim();
  if (entity) filter.entity = entity;
  const source = input.source?.trim();
  if (source) filter.source = source;
  if (input.country !== undefined) {
    const country = input.country.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(country))
      return {
        ok: false,
        message: `--country: "${input.country}" is not an ISO 3166-1 alpha-3 code (e.g. FRA)`,
      };
    filter.country = country;
  }
  if (input.type !== undefined) {
    const type = input.type.trim().toUpperCase();
    if (!(EVENT_TYPES as readonly string[]).includes(type))
      return {
        ok: false,
        message: `--type: "${input.type}" is not a PLOVER event type (${EVENT_TYPES.join(', ')})`,
      };
    filter.type = type as EventType;
  }
  for (const key of ['from', 'to'] as const) {
    const value = input[key]?.trim();
    if (value === undefined) continue;
    if (!DATE_PREFIX.test(value))
      return { ok: false, message: `--${key}: "${input[key]}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` };
    filter[key] = value;
  }
  if (filter.from && filter.to && upperBound(filter.to) < filter.from)
    return { ok: false, message: `--from ${filter.from} is after --to ${filter.to}` };
  return { ok: true, filter };
}

/**
 * The smallest string above every date that `to` covers as a prefix: '~' sorts after the
 * digits, 'T' and '-', so `published <= upperBound('2014-11')` keeps all of November.
 */
export function upperBound(to: string): string {
  return `${to}~`;
}
