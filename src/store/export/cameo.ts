/**
 * PLOVER -> CAMEO, for the GDELT export. PLOVER keeps only CAMEO's two-digit cue categories
 * (the PLOVER manual's CAMEO table); a type alone maps to its root's "not specified below" code
 * (`040` Consult). A mode maps to a finer code only where the PLOVER project's
 * CAMEO2PLOVER-2021 table gives every code of that type and mode one common prefix (CONSULT
 * `visit` -> 042), or, marked "by meaning", where a mode of ours names a CAMEO code outright.
 * QuadClass is GDELT's, read from the CAMEO root: 01-05 verbal cooperation (1), 06-08
 * material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
 * Tables in docs/store.md.
 */
import type { EventType } from '../../doc/index.js';

/** The root code of each PLOVER type (REQUEST is CAMEO 10 Demand; ASSAULT 18 unless its mode says 19). */
export const CAMEO_ROOT: Record<EventType, string> = {
  AGREE: '03',
  CONSULT: '04',
  SUPPORT: '05',
  COOPERATE: '06',
  AID: '07',
  CONCEDE: '08',
  RETREAT: '08',
  REQUEST: '10',
  ACCUSE: '11',
  REJECT: '12',
  THREATEN: '13',
  PROTEST: '14',
  MOBILIZE: '15',
  SANCTION: '16',
  COERCE: '17',
  ASSAULT: '18',
};

/** `TYPE:mode` -> CAMEO code. */
export const CAMEO_BY_MODE: Readonly<Record<string, string>> = {
  'ACCUSE:investigate': '090',
  'CONSULT:phone': '041',
  'CONSULT:visit': '042',
  'REQUEST:meet': '106', // by meaning: 106 "Demand meeting, negotiation"
  'RETREAT:release': '0841',
  'RETREAT:access': '086',
  'RETREAT:disarm': '087',
  'RETREAT:ceasefire': '0871',
  'RETREAT:withdraw': '0872',
  'PROTEST:demo': '141',
  'PROTEST:hunger': '142',
  'PROTEST:boycott': '143',
  'PROTEST:strike': '143', // by meaning: 143 "Conduct strike or boycott"
  'PROTEST:obstruct': '144',
  'PROTEST:riot': '145',
  'SANCTION:discontinue': '162',
  'SANCTION:expel': '166',
  'COERCE:arrest': '173',
  'COERCE:deport': '174',
  'COERCE:curfew': '1723',
  'COERCE:censor': '1721', // by meaning: 1721 "Impose restrictions on political freedoms"
  'ASSAULT:abduct': '181', // by meaning: 181 "Abduct, hijack, or take hostage" (184 is human shields)
  'ASSAULT:beat': '182',
  'ASSAULT:sexual': '1821',
  'ASSAULT:torture': '1822',
  'ASSAULT:explosives': '183',
  'ASSAULT:firearms': '193',
  'ASSAULT:aerial': '195', // by meaning: 195 "Employ aerial weapons"
  'ASSAULT:drone': '195', // by meaning: 195 "Employ aerial weapons"
  'ASSAULT:destroy': '1712',
};

export interface CameoCode {
  readonly code: string;
  readonly base: string;
  readonly root: string;
  readonly quadClass: 1 | 2 | 3 | 4;
}

export function quadClassOf(root: string): 1 | 2 | 3 | 4 {
  const n = Number(root);
  return n <= 5 ? 1 : n <= 8 ? 2 : n <= 13 ? 3 : 4;
}

export function cameoCode(type: EventType, mode?: string): CameoCode {
  const code = (mode && CAMEO_BY_MODE[`${type}:${mode}`]) || `${CAMEO_ROOT[type]}0`;
  const root = code.slice(0, 2);
  return { code, base: code.slice(0, 3), root, quadClass: quadClassOf(root) };
}

/** PLOVER's own quad categories (its manual), for the PLOVER export's `quad_code`. */
export const PLOVER_QUAD: Record<EventType, 1 | 2 | 3 | 4> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  REQUEST: 3,
  ACCUSE: 3,
  REJECT: 3,
  SANCTION: 3,
  THREATEN: 3,
  PROTEST: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};
