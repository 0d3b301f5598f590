/** Time expressions: finding them, resolving them against the publication date, the stage. */
export { findTimexes } from './find-timexes.js';
export { timexStage, clauseDate } from './stage.js';
export { clauseTense, type Tense } from './tense.js';
export { parseIsoDate, type CalendarDate } from './calendar.js';
