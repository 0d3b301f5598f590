/**
 * Generators of hostile input for the property tests, in our own words: text of random Unicode
 * (astral, combining marks, right-to-left, zero-width, controls, lone surrogates), news-shaped
 * sentences built from a small vocabulary with the edges news meets (no final punctuation, a
 * name as the last word, all capitals, numbers only, unbalanced quotes and brackets), and broken
 * or absurd HTML (framesets, SVG, MathML, script-only pages, unclosed tags, tag soup).
 */
import fc from 'fast-check';

/** How many cases each property tries: a few in `npm test`, many in `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
/** `npm test` replays the same cases; `npm run fuzz` draws new ones (FUZZ_SEED replays a failure). */
export const SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.FUZZ_RUNS
    ? undefined
    : 20_251_202;

export const fuzzParams = (): fc.Parameters<unknown> => ({
  numRuns: RUNS,
  ...(SEED === undefined ? {} : { seed: SEED }),
});

const ODD = [
  '\u0301', // combining acute
  '\u0308\u0323', // stacked marks
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u05E9\u05DC\u05D5\u05DD', // Hebrew word
  '\u0645\u0631\u062D\u0628\u0627', // Arabic word
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // byte order mark
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u007F',
  '\u2028', // line separator
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\u{1F600}', // emoji (astral)
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', // family emoji sequence
  '\u{10348}', // Gothic letter (astral)
  '\u{1D400}', // mathematical bold A
  '\r\n',
  '\t',
  '\u00A0',
];

/** Any code points, and the odd characters above mixed into ordinary words. */
export const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...ODD), fc.constantFrom('Talks', 'in', 'Oslo', ' ', '.', 'said')), {
      maxLength: 80,
    })
    .map((parts) => parts.join('')),
);

const NAMES = ['Maria Lopez', 'Tomas Varga', 'the Northern Alliance', 'Oslo', 'Kenya', 'the Olympic', 'Euro'];
const WORDS = [
  'the',
  'council',
  'met',
  'said',
  'on',
  'Monday',
  'talks',
  'would',
  'resume',
  'and',
  'sanctions',
];
const VERBS = [
  'met',
  'accused',
  'visited',
  'threatened',
  'attacked',
  'praised',
  'sent troops to',
  'agreed with',
];
const MARKS = ['"', '“', '(', ')', '[', ']', "'", '«', '—', ',', ';', ':', '…', '?!'];

/** One news-shaped sentence, maybe without final punctuation and maybe ending in a name. */
export const sentence = fc
  .record({
    words: fc.array(
      fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...NAMES), fc.constantFrom(...MARKS)),
      {
        maxLength: 25,
      },
    ),
    subject: fc.constantFrom(...NAMES),
    verb: fc.constantFrom(...VERBS),
    last: fc.constantFrom(...NAMES, ...WORDS, '2024', '17', '1,000'),
    end: fc.constantFrom('.', '', '!', '?', '."', ')', ' ...'),
    caps: fc.boolean(),
  })
  .map(({ words, subject, verb, last, end, caps }) => {
    const text = `${subject} ${verb} ${words.join(' ')} ${last}${end}`;
    return caps ? text.toUpperCase() : text;
  });

/** Several sentences and lines, the shapes a body text takes. */
export const newsText = fc
  .array(fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 1, arbitrary: unicodeText }), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((parts) => fc.constantFrom(' ', '\n', '\n\n').map((glue) => parts.join(glue)));

/** Text of numbers only, and single tokens. */
export const edgeText = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 50 }).map((ns) => ns.join(' ')),
  fc.constantFrom('Oslo', 'a', '.', '"', '(', '2024', 'Maria', 'OSLO', '\u{1F600}', 'x'.repeat(500)),
);

const TAGS = [
  'div',
  'p',
  'span',
  'svg',
  'math',
  'table',
  'td',
  'frameset',
  'frame',
  'script',
  'style',
  'iframe',
  'b',
  'a',
  'template',
  'noscript',
  'li',
];

/** Tag soup: random open and close tags (often unbalanced) around news sentences. */
const tagSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TAGS).map((t) => `<${t}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      sentence.map((s) => `<p>${s}</p>`),
      fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '<', '>', '&amp', '&#x0;', '&#99999999;', '<br/>'),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Whole pages of the kinds crawlers bring that are not articles, or are articles oddly dressed. */
export const absurdHtml = fc.oneof(
  tagSoup,
  tagSoup.map((s) => `<html><head><title>${s}</title></head><body>${s}</body></html>`),
  sentence.map(
    (s) =>
      `<html><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset><noframes><p>${s}</p></noframes></html>`,
  ),
  sentence.map(
    (s) =>
      `<html><body><svg viewBox="0 0 10 10"><text>${s}</text><foreignObject><p>${s}</p></foreignObject></svg><math><mi>x</mi><mtext>${s}</mtext></math></body></html>`,
  ),
  sentence.map((s) => `<html><body><script>var a = "${s}"; document.write(a);</script></body></html>`),
  fc
    .array(sentence, { minLength: 1, maxLength: 6 })
    .map((ss) => `<html><body><article>${ss.map((s) => `<p>${s}`).join('')}</body>`),
);
