/** The options of an event-type <select>: "any" (the empty value) and every PLOVER type. */
import { EVENT_TYPES } from '../types.js';

export function EventTypeOptions({ anyLabel = 'any' }: { anyLabel?: string }) {
  return (
    <>
      <option value="">{anyLabel}</option>
      {EVENT_TYPES.map((t) => (
        <option key={t}>{t}</option>
      ))}
    </>
  );
}
