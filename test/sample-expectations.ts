/**
 * What extraction must make of each article in `samples/`: the headline, the publication day,
 * the page furniture and scraped junk we planted (which must be gone from the body) and the
 * report's own sentences around it (which must survive, especially at the edges, where a
 * greedy cleaner bites). Written from the sample files themselves, which the project wrote.
 */

export interface SampleExpectation {
  readonly id: string;
  readonly title: string;
  /** `YYYY-MM-DD`; a page may give a date-time, of which the day is compared. */
  readonly published: string;
  /** Text that must not occur anywhere in the body. */
  readonly drop: readonly string[];
  /** Short lines (tag-list items) that must not survive as a line of their own. */
  readonly dropLines?: readonly string[];
  /** Sentences of the report that must be in the body, verbatim. */
  readonly keep: readonly string[];
}

const SCRAPE_JUNK = ['Hide Ad', 'Advertisement', 'Share this article', 'Sign up to our newsletter'];

export const SAMPLE_EXPECTATIONS: readonly SampleExpectation[] = [
  {
    id: 'eu-belarus-sanctions',
    title: 'EU adds Belarusian officials to sanctions list',
    published: '2025-02-18',
    drop: [
      'We value your privacy',
      'Share on Facebook',
      'Brussels Briefing',
      'You may also like',
      'Parliament backs new rules',
      'Data protection',
      'Continental Review',
    ],
    keep: [
      'The European Union imposed sanctions on 25 Belarusian officials and four state companies on Monday',
      'The EU’s foreign policy chief, Renée Lindqvist, said the measures sent “a clear message that repression has a price”.',
      'Last week, a court in Minsk sentenced three journalists to prison terms of up to eight years.',
    ],
  },
  {
    id: 'envoy-announced',
    title: 'North Korea to send senior aide Pak Chol-su to Moscow',
    published: '2025-03-07',
    drop: [
      'We use cookies',
      'Manage preferences',
      'Share on X',
      'Get the Peninsula Times briefing',
      'Sign up for our daily newsletter',
      'Read more: Seoul weighs',
      'Pak Chol-su attends a party meeting',
      'Related articles',
      'Seoul and Tokyo agree to resume defence talks',
      'Tags:',
      'All rights reserved',
      'Privacy policy',
    ],
    keep: [
      "North Korea will send Pak Chol-su, a senior secretary of the ruling Workers' Party, to Moscow next week",
      'Last month, North Korea accused Washington and Seoul of rehearsing an invasion',
      '"Moscow is the most willing of them."',
    ],
  },
  {
    id: 'envoy-announced-wire',
    title: 'Pyongyang names Pak Chol Su as special envoy to Russia',
    published: '2025-03-07',
    drop: ['Photo: AFP', ...SCRAPE_JUNK, 'Related topics:'],
    dropLines: ['North Korea', 'Russia', 'Diplomacy'],
    keep: [
      'North Korea said on Friday it would dispatch Pak Chol Su, one of the most senior figures in its ruling party',
      'Russia and North Korea signed a cooperation agreement last year',
      'urged Moscow not to violate United Nations sanctions.',
    ],
  },
  {
    id: 'envoy-announced-rewrite',
    title: 'North Korea to dispatch Pak Chol Su to Russia as envoy',
    published: '2025-03-07',
    drop: ['Advertisement', 'Purchase this article for republication.', 'Most read'],
    keep: [
      'North Korea said on Friday that it would send Pak Chol Su, one of the most senior officials of its ruling party',
      "Pak, a secretary of the central committee of the Workers' Party",
      'urged Moscow not to breach United Nations sanctions.',
    ],
  },
  {
    id: 'spring-drills',
    title: 'Allied forces begin spring drills as Pyongyang warns of response',
    published: '2025-03-10',
    drop: [
      'Skip to content',
      'Asia-Pacific',
      'Subscribers get unlimited access',
      'Sign up for The Pacific Ledger',
      'More on this story',
      'How the allied drills have changed',
      'By using this site you agree',
      'independent publication',
    ],
    keep: [
      'The United States and South Korea began eleven days of joint military exercises on Monday',
      'The exercises come as Pyongyang prepares to send a senior envoy to Moscow this week.',
      'China called on all sides to show restraint and avoid steps that could raise tensions on the peninsula.',
    ],
  },
  {
    id: 'envoy-moscow-talks',
    title: 'Russia pledges grain to North Korea as envoy holds Moscow talks',
    published: '2025-03-11',
    drop: [
      'This website uses cookies',
      'Telegram',
      'Copy link',
      'Advertisement',
      'The best of Eurasia Monitor',
      'Most popular',
      'Gas transit talks stall again',
      'Advertise with us',
    ],
    keep: [
      'Russia has promised to send 50,000 tonnes of grain to North Korea',
      'Pak Chol-su, the special envoy of North Korean leader Kim Jong-un.',
      "Japan's chief cabinet secretary said Tokyo was concerned",
    ],
  },
  {
    id: 'seoul-summons-envoy',
    title: 'Seoul summons Russian ambassador over grain deal with Pyongyang',
    published: '2025-03-14',
    drop: ['Hide Ad', 'Advertisement', 'Related topics:'],
    dropLines: ['South Korea', 'Russia', 'North Korea'],
    keep: [
      'South Korea summoned the Russian ambassador on Friday',
      'The Russian embassy said the grain was humanitarian aid and that no sanctions applied to food.',
      'Seoul has also asked Japan and the United States to discuss a joint response',
    ],
  },
  {
    id: 'tbilisi-protest',
    title: 'Thousands rally in Tbilisi against media law',
    published: '2025-04-08',
    drop: [
      'CAUCASUS POST',
      'Weather',
      'Archive',
      'Share:',
      'Advertisement',
      'Get our weekly newsletter',
      'Read also',
      'Tbilisi mayor announces new metro line',
      'Reproduction without permission',
    ],
    keep: [
      'Thousands of people marched through central Tbilisi on Monday evening',
      'The interior ministry said 14 people had been detained.',
      'Washington said it would review its aid to the country if the bill passed.',
    ],
  },
  {
    id: 'river-water-deal',
    title: 'India and Bangladesh sign deal on sharing river waters',
    published: '2025-04-09',
    drop: [...SCRAPE_JUNK.filter((j) => j !== 'Share this article'), 'Most read', 'Related topics:'],
    dropLines: ['India', 'Bangladesh', 'Water'],
    keep: [
      'India and Bangladesh signed an agreement on Wednesday to share the waters of two rivers',
      'The two sides also agreed to expand rail links',
      'They called a protest in Dhaka for Friday.',
    ],
  },
  {
    id: 'japan-sudan-aid',
    title: 'Japan pledges $120 million for Sudanese refugees',
    published: '2025-05-20',
    drop: [
      'Your privacy choices',
      '142 partners',
      'Share this story',
      'Topics: Japan',
      'Sign up to our newsletters',
      'Trending',
      'Five charts on the global food price surge',
      'Cookie settings',
    ],
    keep: [
      'Japan will give $120 million in humanitarian aid to people who have fled the war in Sudan',
      'An appeal for $4 billion launched in January is less than a fifth funded.',
      "Japan will host a donors' conference on the crisis next month, officials said.",
    ],
  },
  {
    id: 'iran-inspections',
    title: 'Iran rejects IAEA request for snap inspections',
    published: '2025-05-21',
    drop: ['Share this article', 'Hide Ad', 'Purchase this article for republication.'],
    dropLines: ['Iran, nuclear, IAEA, diplomacy, Europe'],
    keep: [
      'Iran has rejected a request by the International Atomic Energy Agency',
      "The agency's director general had asked for the inspections last week",
      'warned that Iran could reduce its cooperation further.',
    ],
  },
  {
    id: 'reef-accusation',
    title: 'China accuses Philippines of ramming coast guard ship near disputed reef',
    published: '2025-06-11',
    drop: ['Photo: AFP', ...SCRAPE_JUNK.filter((j) => j !== 'Sign up to our newsletter'), '12 comments'],
    dropLines: ['Philippines | China | South China Sea | Maritime security'],
    keep: [
      'China on Wednesday accused the Philippines of deliberately ramming one of its coast guard vessels',
      'Manila rejected the account.',
      'officials said it had not yet been used.',
    ],
  },
  {
    id: 'caucasus-talks',
    title: 'Armenian and Azerbaijani ministers hold peace talks in Abu Dhabi',
    published: '2025-06-12',
    drop: SCRAPE_JUNK,
    dropLines: ['Armenia | Azerbaijan | Peace talks | South Caucasus'],
    keep: [
      'The foreign ministers of Armenia and Azerbaijan met in Abu Dhabi on Thursday',
      'Yerevan said the meeting had been "constructive"',
      'Russia, which has kept peacekeepers in the region for years, said it was ready to help.',
    ],
  },
  {
    id: 'congo-base-attack',
    title: 'Rebels attack army base in eastern Congo, Kinshasa blames Rwanda',
    published: '2025-07-15',
    drop: [],
    keep: [
      'Rebel fighters attacked an army base in the east of the Democratic Republic of Congo on Monday night',
      'Kigali denied any involvement',
      'Thousands of civilians have fled the area since last month, aid groups said.',
    ],
  },
  {
    id: 'temple-troop-pullback',
    title: 'Thailand and Cambodia agree to pull troops back from border temple',
    published: '2025-08-05',
    drop: ['Advertisement'],
    keep: [
      'Thailand and Cambodia agreed on Tuesday to withdraw their troops',
      "Each side has also summoned the other's ambassador.",
      'Thousands of villagers who fled the fighting have begun to return home, local officials said.',
    ],
  },
  {
    id: 'poland-air-defence',
    title: 'Poland asks NATO allies for more air defence after drone incursion',
    published: '2025-09-16',
    drop: ['Photo: Reuters', 'Advertisement', 'Hide Ad', 'Sign up to our newsletter', 'Most read'],
    dropLines: ['Poland, NATO, Russia, drones, air defence'],
    keep: [
      'Poland asked its NATO allies on Tuesday to send more air defence systems to its eastern border',
      'Germany and the Netherlands said they would send Patriot batteries and fighter jets to Poland within days.',
      'closed two crossings with Belarus until further notice.',
    ],
  },
];
