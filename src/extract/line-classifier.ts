/**
 * The line classifier: decides whether one line (a paragraph of scraped text, or an edge
 * paragraph of an HTML body) is part of the report or page furniture (ad markers, share and
 * sign-up prompts, copyright notices, "Read more" lists, captions, comment counts...).
 * It reads features, not sites: length, final punctuation, stop-word ratio, a verb, boilerplate
 * vocabulary, second-person/imperative address and position (not repetition: a repeated short
 * line was more often a subheading than furniture on the dev pages). A line is dropped
 * only when a rule is confident; anything that reads like a reported sentence is kept, because
 * losing a sentence of the report is worse than keeping a stray line. No library does this for
 * plain text (Readability and trafilatura need the DOM), hence our own.
 */

export interface LineContext {
  /** The article title, when known: a line repeating it is dropped. */
  readonly title?: string | null;
  /** The line sits at the top or bottom edge of the text, where furniture gathers. */
  readonly edge?: boolean;
  /** The line follows a "Related topics" / "Tags" style heading, so is probably a list item. */
  readonly afterListHeading?: boolean;
  /** The line follows the title directly (where plain-text scrapes leave photo captions). */
  readonly afterTitle?: boolean;
  /** The line is among the last few of the text, where sign-off prompts gather. */
  readonly nearEnd?: boolean;
}

export type LineVerdict =
  { keep: true; reason: 'sentence' | 'not-confident' } | { keep: false; reason: DropReason };

export type DropReason =
  | 'empty'
  | 'ad-marker'
  | 'title-repeat'
  | 'list-heading'
  | 'list-item'
  | 'call-to-action'
  | 'copyright'
  | 'comment-count'
  | 'caption'
  | 'timestamp'
  | 'byline'
  | 'navigation';

export interface LineFeatures {
  readonly words: number;
  readonly endsSentence: boolean;
  readonly stopRatio: number;
  readonly hasVerb: boolean;
  readonly addressesReader: boolean;
  readonly capitalisedRatio: number;
}

const STOP = new Set(
  (
    'the a an of to in on for with at by from and or but as is was are were be been has have had ' +
    'it its that this which who he she they we his her their said says will would could should ' +
    'not after before than more into over about also there when while'
  ).split(' '),
);
// Common finite verbs and auxiliaries; with the -ed/-s heuristics, enough to tell a clause
// from a label. A tagger would be more precise but would make this stage depend on the NLP layer.
const VERBS =
  /\b(is|was|are|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|said|says|say|told|tells|went|came|made|took|gave|got|began|left|met|sent|won|lost|saw|found|became|held|led|paid|ran|set|spoke|wrote|announced|plans?|remains?|seems?|appears?)\b|\b\w{3,}(ed|es)\b/i;

const AD_MARKER =
  /^(hide ad|advertisement|advert|ad|ads|sponsored( content)?|promoted( content)?|story continues below( advertisement)?|continue reading( below)?)\.?$/i;
const LIST_HEADING =
  /^(related( topics| articles| stories| content| coverage| news)?|more about|more on this( story)?|more from [\w ]+|most (read|popular|viewed|shared)|read more|read next|see also|you may also like|you might also like|recommended( for you| stories)?|tags|topics|filed under|trending( now)?|popular( this week| now)?|recent (articles|posts|stories)|latest( news| stories)?|more( \p{L}+){0,3} (stories|articles|news|coverage|reads)|further reading|share( this( article| story)?)?|comments?|up next|what to read next|don't miss|trending)\s*[:|.…]*$/iu;
const CALL_TO_ACTION =
  /\b(sign(ing)? up|sign in|log in|subscribe|subscription|newsletters?|inbox|follow us|share (this|on)|click here|download (our|the) app|purchase this article|republication|reprints?|cookies?|privacy policy|terms (and|&) conditions|terms of (use|service)|javascript|your browser|daily good stuff|delivered (straight )?to your|share it|tell us|have a tip|join our|follow (us|me|him|her|them|\p{Lu}\w+) on|(on|via) (facebook|twitter|instagram|youtube|linkedin|whatsapp)|want more stories|listen (live|back|now))\b/iu;
const COPYRIGHT =
  /(©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|may not be (published|reproduced|redistributed))/i;
const COMMENT_COUNT =
  /^(\d+\s+)?(comments?|replies|responses)(\s*\(\d+\)|\s*\(\+\))?$|^(post|add|leave|view|show)( a| your)? comments?(\s*\(\+\))?$/i;
const CAPTION =
  /^((photo|image|picture|video|graphic|illustration|credit|source|file photo)s?\b\s*(:|\||by|credit)|image \d+ of \d+|\(?(photo|image)s?:)|\b(getty images|afp via getty|shutterstock|istock(photo)?|reuters\/\w+|ap photo|\/ap\b|\/afp\b|\/reuters\b)|^credit\.\.\./i;
const TIMESTAMP =
  /^[\W]*(updated|posted|published|first published|last updated|last modified|created)(:| on| at)?\b.*\d/i;
const DATE_ONLY =
  /^[\W]*((mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s*)?(\p{L}+\.? \d{1,2},? \d{4}|\d{1,2} \p{L}+\.? \d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})(,?\s*(at\s*)?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*(\p{L}{2,4})?)?[\W]*$/iu;
const CREDIT_LINE =
  /^\(?((additional )?reporting|writing|editing|edited|compiled) by\b|\bcontributed (reporting|to this (report|story))\b/i;
const READING_TIME = /^(\d+\s*min(ute)?s?\s+read|(estimated )?read(ing)? time\s*:?\s*\d+\s*min(ute)?s?)\.?$/i;
const BARE_URL = /^(https?:\/\/|www\.)\S+$/i;
const TAG_LIST = /^(filed under|tags?|topics?|categories|posted in|related topics)\s*:/i;
const BYLINE =
  /^[Bb]y\s+\p{Lu}[\p{L}.'-]+(\s+\p{Lu}[\p{L}.'-]+){0,3}((\s*,\s*|\s+and\s+)\p{Lu}[\p{L}.'-]+(\s+\p{Lu}[\p{L}.'-]+){0,3})*(\s*[,|–—-]\s*[^.!?]{0,40})?$/u;
const IMPERATIVE =
  /^(sign|subscribe|click|follow|share|read|get|download|join|watch|listen|tap|register|like|tell us|send us|don't miss|never miss|stay)\b/i;

function wordsOf(line: string): string[] {
  return line.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

export function lineFeatures(line: string): LineFeatures {
  const words = wordsOf(line);
  const lower = words.map((w) => w.toLowerCase());
  const stops = lower.filter((w) => STOP.has(w)).length;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return {
    words: words.length,
    endsSentence: /[.!?。！？؟]["'”’»)\]]*$|[.!?]\s*["'”’»]$|[:;,]$/.test(line.trim()),
    stopRatio: words.length ? stops / words.length : 0,
    hasVerb: VERBS.test(line),
    addressesReader: /\b(you|your|yours)\b/i.test(line) || IMPERATIVE.test(line.trim()),
    capitalisedRatio: words.length ? capitalised / words.length : 0,
  };
}

/** A line reads like prose: long enough, with function words and a verb. */
function readsLikeProse(f: LineFeatures): boolean {
  return f.words >= 8 && f.stopRatio >= 0.15 && f.hasVerb;
}

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** "Iran, nuclear, IAEA, diplomacy": three or more short items joined by commas or bars, no clause. */
function isTagList(line: string): boolean {
  const items = line.split(/\s*[,;|•·]\s*/).filter(Boolean);
  return (
    items.length >= 3 && items.every((i) => wordsOf(i).length <= 3) && lineFeatures(line).stopRatio === 0
  );
}

/** `features`: the line's `lineFeatures`, when the caller has them already. */
export function classifyLine(raw: string, ctx: LineContext = {}, features?: LineFeatures): LineVerdict {
  const line = raw.trim();
  if (!line) return { keep: false, reason: 'empty' };
  const f = features ?? lineFeatures(line);
  // Each rule tests its cheap condition (word count, prose) before its pattern.
  if (f.words <= 4 && AD_MARKER.test(line)) return { keep: false, reason: 'ad-marker' };
  if (ctx.title && normalise(line) === normalise(ctx.title)) return { keep: false, reason: 'title-repeat' };
  if (f.words <= 6 && LIST_HEADING.test(line)) return { keep: false, reason: 'list-heading' };
  if (f.words <= 4 && COMMENT_COUNT.test(line)) return { keep: false, reason: 'comment-count' };
  const prose = readsLikeProse(f);
  const quoted = /^["“‘']/.test(line);
  if (
    !quoted &&
    (f.words <= 15 || !prose || (f.addressesReader && (f.words <= 30 || ctx.nearEnd))) &&
    CALL_TO_ACTION.test(line)
  )
    return { keep: false, reason: 'call-to-action' };
  if ((f.words <= 12 || !prose) && COPYRIGHT.test(line)) return { keep: false, reason: 'copyright' };
  if (f.words <= 25 && /^(read more|related|see also|more|watch|listen|also read)\s*[:|»›-]/i.test(line))
    return { keep: false, reason: 'list-item' };
  if (f.words <= 20 && CAPTION.test(line)) return { keep: false, reason: 'caption' };
  // TIMESTAMP and DATE_ONLY start with `[\W]*`: on a long run of symbols they backtrack
  // quadratically, and their lines are short, so long lines never reach them.
  const short = line.length <= 200;
  if (short && (f.words <= 8 || (f.words <= 16 && !f.endsSentence)) && TIMESTAMP.test(line))
    return { keep: false, reason: 'timestamp' };
  if (f.words <= 12 && READING_TIME.test(line)) return { keep: false, reason: 'timestamp' };
  if (short && f.words <= 16 && DATE_ONLY.test(line)) return { keep: false, reason: 'timestamp' };
  if (f.words <= 40 && CREDIT_LINE.test(line)) return { keep: false, reason: 'byline' };
  if (BARE_URL.test(line)) return { keep: false, reason: 'navigation' };
  if (f.words <= 15 && TAG_LIST.test(line)) return { keep: false, reason: 'list-item' };
  if (f.words <= 12 && BYLINE.test(line)) return { keep: false, reason: 'byline' };
  if (ctx.afterTitle && f.words <= 6 && f.capitalisedRatio >= 0.99 && f.stopRatio === 0)
    return { keep: false, reason: 'caption' };
  if (prose || f.endsSentence) return { keep: true, reason: 'sentence' };
  if (ctx.afterListHeading && f.words <= 12) return { keep: false, reason: 'list-item' };
  if (ctx.edge && isTagList(line)) return { keep: false, reason: 'list-item' };
  if (ctx.edge && f.words <= 4 && !f.hasVerb) return { keep: false, reason: 'navigation' };
  return { keep: true, reason: 'not-confident' };
}
