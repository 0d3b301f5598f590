/** A search snippet: its U+E000…U+E001 runs become <mark> elements, everything as text nodes. */
import { snippetParts } from '../text.js';

export function Snippet({ text }: { text: string }) {
  return (
    <p className="snippet">
      {snippetParts(text).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}
