/**
 * Event coding, sentence by sentence: type, mode, source and target country, modality and date,
 * with rows that must code nothing. Sentences are our own, shaped like the news the coder meets
 * (envoys dispatched, talks held, banks halting business). Runs on bare docs, so no model is needed.
 */
import { describe, expect, it } from 'vitest';
import { createDoc, withLayer, type EntityType, type Event } from '../doc/index.js';
import { compose, standardPipeline } from '../pipeline/index.js';
import { sentenceStage } from '../nlp/sentences.js';
import { tokenStage } from '../nlp/token-stage.js';
import { actorCode, codeEvents } from './index.js';

interface Row {
  text: string;
  published?: string;
  /** "TYPE[/mode] SRC>TGT modality [date]"; SRC/TGT are ISO codes, IGO, or - for none; null: no event. */
  expect: string | null;
}

const show = (e: Event) =>
  `${e.type}${e.mode ? `/${e.mode}` : ''} ${actorCode(e.source) ?? '-'}>${actorCode(e.target) ?? '-'} ${e.modality}${e.date ? ` ${e.date}` : ''}`;

function coded(row: Row): string[] {
  return codeEvents(createDoc('t', row.text, { published: row.published ?? null })).map(show);
}

const ROWS: Row[] = [
  // Envoys and visits (the shapes of our seed articles, in our own words).
  {
    text: "North Korea intends to dispatch its leader's closest aide to Russia, the state news agency said.",
    expect: 'CONSULT/visit PRK>RUS planned',
  },
  {
    text: "North Korea's Choe Ryong-hae is a close aide of the leader. Choe Ryong-hae, a senior party official, will travel to Moscow soon as the leader's personal envoy.",
    expect: 'CONSULT/visit PRK>RUS planned',
  },
  {
    text: "North Korean defence minister Pak Song-il is in Moscow. Pak Song-il, the reclusive state's top soldier, met with Russian President Vladimir Putin.",
    expect: 'CONSULT PRK>RUS asserted',
  },
  {
    text: 'The North Korean leader sent a trusted aide to Beijing yesterday to mend ties.',
    published: '2013-05-23',
    expect: 'CONSULT/visit PRK>CHN asserted 2013-05-22',
  },
  {
    text: 'Japan sent a senior diplomat to Pyongyang to discuss the fate of its abducted citizens.',
    expect: 'CONSULT/visit JPN>PRK asserted',
  },
  {
    text: "China's largest lenders have halted business with North Korea's main foreign exchange bank.",
    expect: 'SANCTION/discontinue CHN>PRK asserted',
  },
  {
    text: 'Beijing has tightened inspections of cargo bound for North Korea.',
    expect: 'SANCTION CHN>PRK asserted',
  },
  {
    text: 'The launch was met by new sanctions from the European Union.',
    expect: 'SANCTION IGO>- asserted',
  },
  // Roles: passives, coordination, capitals, seats of power, possessives, generic actors.
  {
    text: 'A Turkish convoy was attacked by Kurdish militants near the border.',
    expect: 'ASSAULT TUR>TUR asserted',
  },
  { text: 'Iran and world powers agreed on a framework for a nuclear deal.', expect: 'AGREE IRN>- asserted' },
  { text: 'Washington accused Beijing of stealing trade secrets.', expect: 'ACCUSE/allege USA>CHN asserted' },
  { text: 'The Kremlin condemned the decision by Warsaw.', expect: 'ACCUSE/disapprove RUS>POL asserted' },
  {
    text: "China's new sanctions on North Korea took effect on Monday.",
    expect: 'SANCTION CHN>PRK asserted',
  },
  {
    text: 'Police in Lagos arrested thirty opposition supporters.',
    expect: 'COERCE/arrest NGA>NGA asserted',
  },
  { text: 'The United Nations urged both sides to resume talks.', expect: 'REQUEST/meet IGO>- asserted' },
  { text: 'Students protested in Caracas against the new law.', expect: 'PROTEST/demo VEN>VEN asserted' },
  { text: 'Russia protested the expulsion of its diplomats.', expect: 'ACCUSE/disapprove RUS>- asserted' },
  { text: 'Israeli troops shelled a village in southern Lebanon.', expect: 'ASSAULT ISR>LBN asserted' },
  { text: 'Lithuania expelled two Russian diplomats.', expect: 'SANCTION/expel LTU>RUS asserted' },
  { text: 'Ukraine asked Germany for more air defence systems.', expect: 'REQUEST UKR>DEU asserted' },
  { text: 'Turkey has threatened to expel the Dutch ambassador.', expect: 'THREATEN TUR>NLD asserted' },
  { text: 'Iran vowed to strike back against Israel.', expect: 'THREATEN IRN>ISR asserted' },
  {
    text: 'Mexico pledged to cooperate with the United States against the cartels.',
    expect: 'AGREE MEX>USA asserted',
  },
  { text: 'Egypt said it would send food aid to Sudan.', expect: 'AGREE EGY>SDN asserted' },
  {
    text: 'South Korea said the North fired two missiles into the sea.',
    /* South Korea, the other country in sight, is the recipient of the launch. */
    expect: 'MOBILIZE/weapons PRK>KOR asserted',
  },
  {
    text: 'North Korea named Choe Ryong-hae as its envoy. He travelled to Beijing last year.',
    expect: 'CONSULT/visit PRK>CHN asserted',
  },
  {
    text: 'Ankara said it would not hesitate to use force against the militants.',
    expect: 'THREATEN TUR>TUR asserted',
  },
  {
    text: 'Iran said the United States must withdraw its troops from the region.',
    expect: 'REQUEST/yield IRN>USA asserted',
  },
  { text: 'Syria did not accept the proposal.', expect: 'REJECT/change SYR>- asserted' },
  // Modality.
  { text: 'The two leaders may discuss a summit later this year.', expect: 'CONSULT ->- possible' },
  { text: 'Russia refused to withdraw its troops from the border.', expect: 'REJECT/yield RUS>- asserted' },
  { text: 'The minister did not meet the Chinese delegation.', expect: 'CONSULT ->CHN negated' },
  {
    text: 'A visit by the Chinese premier to Seoul has not been confirmed.',
    expect: 'CONSULT/visit CHN>KOR negated',
  },
  { text: 'The council is scheduled to meet the Iranian envoy next week.', expect: 'CONSULT ->IRN planned' },
  { text: 'The Turkish president is likely to visit Baghdad.', expect: 'CONSULT/visit TUR>IRQ possible' },
  { text: 'Top aide to visit Russia', expect: 'CONSULT/visit ->RUS planned' },
  // Dates: stated, else the publication day for what just happened, else none.
  {
    text: 'Rebels attacked an army convoy in Mali.',
    published: '2020-03-04',
    expect: 'ASSAULT MLI>MLI asserted 2020-03-04',
  },
  {
    text: 'Rebels will attack the convoy in Mali, officials fear.',
    published: '2020-03-04',
    expect: 'THREATEN MLI>MLI asserted',
  },
  // Fallback countries: the sentence's place for an unplaced party; domestic acts target home.
  {
    text: 'Riots erupted in two provinces of Peru over water prices.',
    expect: 'PROTEST/riot PER>PER asserted',
  },
  { text: 'Jonas Okello met the Kenyan trade minister in Kampala.', expect: 'CONSULT UGA>KEN asserted' },
  { text: 'Armed men abducted a village chief in Niger.', expect: 'ASSAULT/abduct NER>NER asserted' },
  { text: 'Moses Tembo criticised the government of Malawi.', expect: 'ACCUSE/disapprove MWI>MWI asserted' },
  { text: 'Jonas Okello visited Russia on Monday.', expect: 'CONSULT/visit ->RUS asserted' },
  // The other party, not the place of the meeting; a counterpart is no one's own people.
  {
    text: 'The Kenyan president met his Ugandan counterpart in Nairobi.',
    expect: 'CONSULT KEN>UGA asserted',
  },
  {
    text: 'The Danish king received the visiting Irish foreign minister in Copenhagen.',
    expect: 'CONSULT/visit DNK>IRL asserted',
  },
  {
    text: 'The Japanese foreign minister held talks with his counterpart.',
    expect: 'CONSULT JPN>- asserted',
  },
  // Peoples, eastern Congo, and troops moved toward another country.
  { text: 'Croats blocked the main bridge in Sarajevo.', expect: 'PROTEST/obstruct HRV>BIH asserted' },
  { text: 'Militias in eastern Congo shelled a refugee camp.', expect: 'ASSAULT COD>COD asserted' },
  { text: 'Turkey massed tanks near the Syrian border.', expect: 'MOBILIZE/troops TUR>SYR asserted' },
  { text: 'Egypt deployed extra police units in Cairo.', expect: 'MOBILIZE/troops EGY>EGY asserted' },
  { text: 'Ghana put its navy on alert.', expect: 'MOBILIZE/troops GHA>- asserted' },
  { text: 'The rebels laid down their arms in Mali.', expect: 'RETREAT/disarm MLI>MLI asserted' },
  // Concessions, retreats, sanctions and rejections news often words this way.
  { text: 'Peru backed off its plan to raise fuel taxes.', expect: 'CONCEDE PER>- asserted' },
  { text: 'Mexico slapped tariffs on Canadian lumber.', expect: 'SANCTION MEX>CAN asserted' },
  { text: 'The Latvian parliament voted down the pact with Estonia.', expect: 'REJECT LVA>EST asserted' },
  { text: 'Chad pulled its soldiers out of Niger.', expect: 'RETREAT/withdraw TCD>NER asserted' },
  { text: 'Gunmen ambushed peacekeepers near Goma.', expect: 'ASSAULT COD>IGO asserted' },
  { text: 'The two Koreas agreed to reopen a liaison office.', expect: 'AGREE KOR>- asserted' },
  { text: 'Chad and the Sahel Defence Front agreed to a truce.', expect: 'AGREE TCD>TCD asserted' },
  // Nothing to code.
  { text: 'The weather was mild.', expect: null },
  { text: 'The team pulled the old sofa out of the garage.', expect: null },
  { text: 'The fog began to lift over the harbour by noon.', expect: null },
  { text: 'Economists have long debated whether sanctions work.', expect: null },
  { text: 'The ministry released a statement on the budget.', expect: null },
  { text: 'Armed groups control much of the countryside.', expect: null },
  { text: 'Talks are rarely a waste of time.', expect: null },
  { text: 'The museum will open a new wing in March.', expect: null },
  { text: 'Analysts say the government should cut spending.', expect: null },
  { text: 'The embassy said no sanctions applied to the shipment.', expect: null },
];

describe('codeEvents', () => {
  it.each(ROWS)('$text', (row) => {
    const got = coded(row);
    if (row.expect === null) expect(got).toEqual([]);
    else expect(got).toContain(row.expect);
  });

  it('gives every event its sentence as evidence and its trigger inside it', () => {
    const text = 'The weather was mild. Japan sent an envoy to Pyongyang.';
    const [event, ...rest] = codeEvents(createDoc('t', text));
    expect(rest).toEqual([]);
    expect(text.slice(event!.evidence.start, event!.evidence.end)).toBe('Japan sent an envoy to Pyongyang.');
    expect(text.slice(event!.trigger!.start, event!.trigger!.end)).toBe('sent an envoy');
    expect(text.slice(event!.source!.span!.start, event!.source!.span!.end)).toBe('Japan');
  });

  it('runs last in the standard pipeline, with the invariants checked', () => {
    const doc = standardPipeline({ check: true })(
      createDoc('t', 'Japan sent a senior envoy to Pyongyang yesterday. The weather was mild.', {
        published: '2024-03-05',
      }),
    );
    expect((doc.layers.events ?? []).map(show)).toEqual(['CONSULT/visit JPN>PRK asserted 2024-03-04']);
  });

  it.each([
    [
      'The leader sent a trusted aide to Beijing on Tuesday. The trip by Pak Chol-su, a North Korean party secretary, comes as tensions ease.',
      'Pak Chol-su PRK>CHN 2024-03-05',
    ],
    [
      'Japan sent an envoy to Hanoi on Tuesday. The visit by Taro Sato, a Japanese trade official, was his first.',
      'Taro Sato JPN>VNM 2024-03-05',
    ],
  ])("an anaphoric visit takes the earlier visit's destination and date: %s", (text, expected) => {
    const events = codeEvents(createDoc('t', text, { published: '2024-03-07' }));
    const visit = events.filter((e) => e.mode === 'visit').at(-1)!;
    expect(`${visit.source!.name} ${actorCode(visit.source)}>${actorCode(visit.target)} ${visit.date}`).toBe(
      expected,
    );
  });

  it('gives a visitor no country from the places around the visit', () => {
    const text = 'Russia welcomed the plan. Tomas Varga, a party secretary, arrived in Moscow on Friday.';
    const visit = codeEvents(createDoc('t', text)).find((e) => e.mode === 'visit')!;
    expect([visit.source?.name, actorCode(visit.source), actorCode(visit.target)]).toEqual([
      'Tomas Varga',
      null,
      'RUS',
    ]);
  });

  it('keeps a visit noun with its own destination', () => {
    const text =
      'Japan sent an envoy to Hanoi on Tuesday. The trip to Seoul by its foreign minister follows next week.';
    const visits = codeEvents(createDoc('t', text, { published: '2024-03-07' })).filter(
      (e) => e.mode === 'visit',
    );
    expect(visits.map((e) => actorCode(e.target))).toEqual(['VNM', 'KOR']);
  });

  /** A doc split and tagged by our own stages, with a hand-made entities layer (names found by text). */
  const withEntities = (text: string, names: [string, EntityType][]) => {
    const doc = compose([sentenceStage(), tokenStage()])(createDoc('t', text));
    const entities = names.map(([name, type]) => {
      const start = text.indexOf(name);
      return { start, end: start + name.length, type, canonical: name, country: null };
    });
    return withLayer(doc, 'entities', entities);
  };

  it.each([
    [
      'a MISC entity as the last word, no final punctuation',
      'Fans gathered for the Olympic',
      'Olympic',
      'MISC',
    ],
    ['a MISC entity that is the whole sentence', 'Olympic', 'Olympic', 'MISC'],
    ['a PERSON entity as the last word', 'Crowds cheered for Tomas Varga', 'Tomas Varga', 'PERSON'],
    [
      'a subject list whose place name spans a comma',
      'All week, officials in Springfield, Ill., and at the county seat in Decatur have issued statements of support for the strikers.',
      'Springfield, Ill.',
      'GPE',
    ],
  ] as const)('codes %s without throwing', (_name, text, name, type) => {
    const names: [string, EntityType][] = [[name, type]];
    if (text.includes('Decatur')) names.push(['Decatur', 'GPE']);
    expect(() => codeEvents(withEntities(text, names))).not.toThrow();
  });

  it('never throws on odd input', () => {
    for (const text of ['', ' ', '...', '\u0000\uFFFF', 'a'.repeat(5000), ', , by to of', '"\u202E attacked'])
      expect(() => codeEvents(createDoc('t', text))).not.toThrow();
  });
});
