/**
 * Cheap lemmatisation for trigger lookup: a word gives a few candidate lemmas (irregular forms
 * from a list, then suffix rules), and the trigger lexicon decides which candidate is a word it
 * knows. Checking candidates against a closed vocabulary is what makes crude suffix rules
 * enough; a full morphological analyser would add a dependency for no gain here.
 */
import { BoundedCache } from '../nlp/bounded-cache.js';

const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'went:go gone:go met:meet sent:send took:take taken:take held:hold made:make paid:pay struck:strike ' +
    'stricken:strike fought:fight shot:shoot sought:seek gave:give given:give brought:bring told:tell ' +
    'said:say spoke:speak spoken:speak broke:break broken:break began:begin begun:begin threw:throw ' +
    'thrown:throw led:lead fled:flee froze:freeze frozen:freeze withdrew:withdraw withdrawn:withdraw ' +
    'swore:swear sworn:swear stood:stand won:win left:leave lent:lend lost:lose built:build cut:cut ' +
    'hit:hit put:put set:set shut:shut quit:quit forbade:forbid forbidden:forbid forgave:forgive ' +
    'forgiven:forgive saw:see seen:see ran:run came:come became:become knew:know known:know ' +
    'flew:fly flown:fly drew:draw drawn:draw showed:show shown:show blew:blow blown:blow ' +
    'hid:hide hidden:hide fell:fall fallen:fall got:get gotten:get sold:sell thought:think ' +
    'caught:catch bought:buy found:find laid:lay slew:slay slain:slay sank:sink sunk:sink ' +
    'stuck:stick swept:sweep wrote:write written:write overran:overrun undertook:undertake ' +
    'undertaken:undertake upheld:uphold withheld:withhold beat:beat beaten:beat bore:bear ' +
    'borne:bear rose:rise risen:rise drove:drive driven:drive shook:shake shaken:shake ' +
    'spent:spend kept:keep felt:feel meant:mean dealt:deal sat:sit hung:hang rode:ride ' +
    'was:be were:be is:be are:be am:be been:be being:be has:have had:have does:do did:do done:do'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const VOWEL = /[aeiou]/;

/** Word forms whose lemmas are kept (docs/limits.md). */
const CACHE_LIMIT = 50_000;
const verbCache = new BoundedCache<string, readonly string[]>(CACHE_LIMIT);

/** Candidate verb lemmas of a word, most likely first; includes the word itself. Memoised. */
export function verbLemmas(word: string): readonly string[] {
  let out = verbCache.get(word);
  if (!out) {
    out = computeVerbLemmas(word.toLowerCase());
    verbCache.set(word, out);
  }
  return out;
}

function computeVerbLemmas(w: string): string[] {
  const irregular = IRREGULAR[w];
  if (irregular) return [irregular];
  const out = [w];
  const undouble = (stem: string) => (/([bdgklmnprtz])\1$/.test(stem) ? [stem.slice(0, -1)] : []);
  if (w.endsWith('ied') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('ed') && w.length > 3) {
    const stem = w.slice(0, -2);
    out.push(stem, ...undouble(stem), `${stem}e`);
  }
  if (w.endsWith('ying') && w.length > 5) out.push(w.slice(0, -3));
  else if (w.endsWith('ing') && w.length > 4 && VOWEL.test(w.slice(0, -3))) {
    const stem = w.slice(0, -3);
    out.push(...undouble(stem), stem, `${stem}e`);
  }
  if (w.endsWith('ies') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  else if (/(ches|shes|sses|xes|zes|oes)$/.test(w)) out.push(w.slice(0, -2));
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 2) out.push(w.slice(0, -1));
  return out;
}

/** Candidate noun lemmas: the word itself, then its singular. */
export function nounLemmas(word: string): readonly string[] {
  const w = word.toLowerCase();
  if (w.endsWith('ies') && w.length > 4) return [w, `${w.slice(0, -3)}y`];
  if (/(ches|shes|sses|xes|oes)$/.test(w)) return [w, w.slice(0, -2), w.slice(0, -1)];
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 2) return [w, w.slice(0, -1)];
  return [w];
}
