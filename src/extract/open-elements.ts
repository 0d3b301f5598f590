/**
 * The stack of open elements, as htmlparser2 (linkedom's parser) keeps it while reading a page:
 * void elements never open, some start tags close the element before them (`<li>` an open
 * `<li>`, a block an open `<p>`), and an end tag closes up to the nearest open element of its
 * name or, with none open, is ignored. `stripPage` reads it to tell a real block boundary from
 * a stray end tag, and to cap the depth of the tree: past `MAX_DEPTH` a start tag first closes
 * the innermost element, so absurdly nested markup becomes siblings (WebKit's parser does the
 * same past 512) instead of a tree that Readability walks in quadratic time.
 */

/** Deepest tree kept. The AEB pages nest at most 51 deep (median 16). */
export const MAX_DEPTH = 256;

const VOID = new Set(
  'area base basefont br col command embed frame hr img input keygen link meta param source track wbr'.split(
    ' ',
  ),
);

const P = new Set(['p']);
/** For each start tag, the open elements it closes first (htmlparser2's `openImpliesClose`). */
const CLOSES = new Map<string, ReadonlySet<string>>([
  ['body', new Set(['head', 'link', 'script'])],
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dt', 'dd'])],
  ['dt', new Set(['dt', 'dd'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...(
    'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure ' +
    'footer form header hr main nav ol pre section table ul'
  )
    .split(' ')
    .map((t): [string, ReadonlySet<string>] => [t, P]),
]);

/** Start tags that close an open `<p>`. */
export const CLOSES_P: ReadonlySet<string> = new Set([...CLOSES].filter(([, c]) => c === P).map(([t]) => t));

export class OpenElements {
  private readonly stack: string[] = [];

  /**
   * A start tag: closes what it implies, and returns the elements to close explicitly first to
   * stay within `MAX_DEPTH` (innermost first).
   */
  open(name: string, selfClosing: boolean): string[] {
    const closes = CLOSES.get(name);
    const { stack } = this;
    if (closes) while (stack.length && closes.has(stack[stack.length - 1]!)) stack.pop();
    if (VOID.has(name) || selfClosing) return [];
    const closed: string[] = [];
    while (stack.length >= MAX_DEPTH) closed.push(stack.pop()!);
    stack.push(name);
    return closed;
  }

  /** An end tag: whether an element of that name was open (and is now closed). */
  close(name: string): boolean {
    const at = this.stack.lastIndexOf(name);
    if (at < 0) return false;
    this.stack.length = at;
    return true;
  }
}
