/**
 * Word lists for the time grammar: month, weekday, season and unit names, and number words.
 * Data, kept apart from the rules that use it.
 */

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
/** Month names as a regex alternation; abbreviations must carry their full stop. */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.)';

export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

export const SEASONS: Readonly<Record<string, string>> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};
export const SEASON_RE = '(?:spring|summer|fall|autumn|winter)';

/** Parts of a day, as TIMEX3 writes them. */
export const DAY_PARTS: Readonly<Record<string, string>> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  overnight: 'NI',
};
export const DAY_PART_RE = '(?:morning|afternoon|evening|night)';

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

/** A unit of time: its TIMEX3 letter, whether it sits after the `T`, and a multiplier. */
export interface TimeUnit {
  readonly letter: string;
  readonly clock: boolean;
  readonly times: number;
}
export const UNITS: Readonly<Record<string, TimeUnit>> = {
  second: { letter: 'S', clock: true, times: 1 },
  minute: { letter: 'M', clock: true, times: 1 },
  hour: { letter: 'H', clock: true, times: 1 },
  day: { letter: 'D', clock: false, times: 1 },
  night: { letter: 'D', clock: false, times: 1 },
  week: { letter: 'W', clock: false, times: 1 },
  month: { letter: 'M', clock: false, times: 1 },
  year: { letter: 'Y', clock: false, times: 1 },
  decade: { letter: 'Y', clock: false, times: 10 },
  century: { letter: 'Y', clock: false, times: 100 },
  quarter: { letter: 'Q', clock: false, times: 1 },
};
export const UNIT_RE = '(?:second|minute|hour|day|night|week|month|quarter|year|decade|century|centuries)';

const SMALL: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  'a hundred': 100,
  'a couple of': 2,
  'couple of': 2,
  'a couple': 2,
  couple: 2,
  'a dozen': 12,
  dozen: 12,
  half: 0.5,
  'a half': 0.5,
};
/** "one|two" -> "[Oo]ne|[Tt]wo": number words may open a sentence. */
const capitalised = (alternatives: string): string =>
  alternatives
    .split('|')
    .map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`)
    .join('|');
const TENS_RE = capitalised('twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety');
const UNITS_RE = capitalised('one|two|three|four|five|six|seven|eight|nine');
/** A count of units: digits, number words ("twenty four", "twenty-four"), "a", "a couple of". */
export const COUNT_RE =
  `(?:\\d+(?:\\.\\d+)?(?: 1/2)?|(?:${TENS_RE})(?:[- ](?:${UNITS_RE.toLowerCase()}))?|${UNITS_RE}|` +
  capitalised(
    'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred',
  ) +
  `|${capitalised('a couple of|couple of|a dozen|dozen|an?')})`;
/** Counts that leave the number unknown: TIMEX3 writes them as X ("several years" -> PXY). */
export const VAGUE_COUNT_RE = `(?:${capitalised('several|a few|few|many|some|a number of|numerous')})`;

const BELOW_100 = `(?:(?:${TENS_RE.toLowerCase()})(?:[- ](?:${UNITS_RE.toLowerCase()}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
/** Years said in words: "nineteen ninety-six", "two thousand", "two thousand and one". */
export const SPOKEN_YEAR_RE = `(?:[Nn]ineteen ${BELOW_100}|[Tt]wo thousand(?: and)?(?: (?:${UNITS_RE.toLowerCase()}|${BELOW_100}))?)`;

/** The value of a count matched by COUNT_RE, or null when it is not one. */
export function countValue(words: string): number | null {
  const s = words.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (/^\d+ 1\/2$/.test(s)) return Number(s.slice(0, -4)) + 0.5;
  if (s in SMALL) return SMALL[s] ?? null;
  const parts = s.split(/[- ]/);
  if (parts.length === 2 && parts[0] && parts[1]) {
    const tens = SMALL[parts[0]];
    const ones = SMALL[parts[1]];
    if (tens !== undefined && ones !== undefined && tens >= 20 && ones < 10) return tens + ones;
  }
  return null;
}

/** "nineteen ninety-six" -> 1996; "two thousand" -> 2000; null otherwise. */
export function spokenYear(words: string): number | null {
  const s = words.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  const m = /^(nineteen|twenty) (.+)$/.exec(s);
  if (m && m[1] && m[2]) {
    const rest = countValue(m[2].replace(' ', '-'));
    if (rest !== null && rest >= 10 && rest < 100) return (m[1] === 'nineteen' ? 1900 : 2000) + rest;
  }
  const t = /^two thousand(?: and)?(?: (.+))?$/.exec(s);
  if (t) {
    const rest = t[1] ? countValue(t[1].replace(' ', '-')) : 0;
    if (rest !== null && rest < 100) return 2000 + rest;
  }
  return null;
}
