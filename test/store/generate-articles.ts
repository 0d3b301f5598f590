/**
 * Generated news articles for the store's tests, written from our own templates (no third-party
 * text): a seeded generator, so the same `n` and `seed` always give the same articles. Each has
 * a title, a date and two or three sentences naming countries, capitals and people, with verbs
 * the event coder knows, so every layer (entities, dates, events) has something to store.
 */

const COUNTRIES = [
  ['France', 'Paris', 'French'],
  ['Germany', 'Berlin', 'German'],
  ['Japan', 'Tokyo', 'Japanese'],
  ['Brazil', 'Brasilia', 'Brazilian'],
  ['Kenya', 'Nairobi', 'Kenyan'],
  ['Canada', 'Ottawa', 'Canadian'],
  ['Poland', 'Warsaw', 'Polish'],
  ['Egypt', 'Cairo', 'Egyptian'],
  ['India', 'New Delhi', 'Indian'],
  ['Mexico', 'Mexico City', 'Mexican'],
] as const;

const PEOPLE = [
  'Maria Lindqvist',
  'Tomas Okafor',
  'Elena Varga',
  'Kenji Morimoto',
  'Amara Diallo',
  'Pavel Novak',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const TOPICS = [
  'water rights',
  'fishing quotas',
  'a new rail link',
  'border checks',
  'grain exports',
  'an election',
];

type Country = (typeof COUNTRIES)[number];

const TEMPLATES: ((a: Country, b: Country, who: string, day: string, topic: string) => [string, string])[] = [
  (a, b, who, day, topic) => [
    `${a[0]} and ${b[0]} hold talks on ${topic}`,
    `The foreign minister of ${a[0]}, ${who}, met officials from ${b[0]} in ${b[1]} on ${day} to discuss ${topic}.`,
  ],
  (a, b, who, day, topic) => [
    `${a[0]} imposes sanctions on ${b[0]}`,
    `${a[0]} imposed sanctions on ${b[0]} on ${day}, and ${who} said the dispute over ${topic} had gone on too long.`,
  ],
  (a, b, who, day, topic) => [
    `${a[2]} protesters march in ${a[1]}`,
    `Thousands of people protested in ${a[1]} on ${day} against the government's plans for ${topic}, ${who} told reporters.`,
  ],
  (a, b, who, day, topic) => [
    `${b[0]} accuses ${a[0]} over ${topic}`,
    `${b[0]} accused ${a[0]} on ${day} of breaking an agreement on ${topic}, according to ${who}.`,
  ],
  (a, b, who, day, topic) => [
    `${a[0]} sends aid to ${b[0]}`,
    `${a[0]} said on ${day} it would send food and medicine to ${b[0]} after floods, and ${who} promised more help with ${topic}.`,
  ],
];

/** Park-Miller: small, seeded, the same on every machine. */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export interface GeneratedArticle {
  id: string;
  title: string;
  text: string;
  published: string;
  source: string;
}

export function generateArticles(n: number, seed = 7): GeneratedArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const a = pick(COUNTRIES);
    const b = pick(COUNTRIES.filter((c) => c !== a));
    const [title, lead] = pick(TEMPLATES)(a, b, pick(PEOPLE), pick(WEEKDAYS), pick(TOPICS));
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const follow = `Officials in ${b[1]} said they would answer within a week. The talks are due to resume next month.`;
    return {
      id: `gen-${String(i).padStart(5, '0')}`,
      title,
      text: `${lead}\n\n${follow}`,
      published: `2024-${month}-${day}`,
      source: pick(['Harbour Gazette', 'Evening Courier', 'Continental Wire']),
    };
  });
}

/** The articles as a manifest (one JSON line each). */
export const manifestOf = (articles: readonly GeneratedArticle[]): string =>
  articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
