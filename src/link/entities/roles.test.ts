import { describe, expect, it } from 'vitest';
import { readRoles } from './roles.js';

/** The roles read around the first occurrence of `name` in `text`. */
function rolesOf(text: string, name: string): string[] {
  const start = text.indexOf(name);
  return readRoles(text, start, start + name.length);
}

describe('readRoles', () => {
  it.each([
    [
      'Talks were led by Deputy Foreign Minister Ana Vosk on Monday.',
      'Ana Vosk',
      ['Deputy Foreign Minister'],
    ],
    ['Estonian Defence Minister Ana Vosk arrived.', 'Ana Vosk', ['Defence Minister']],
    ['said First Vice-Minister of Trade Affairs Lo Min.', 'Lo Min', ['First Vice-Minister of Trade Affairs']],
    ['Foreign ministry spokesman Omar Adel said.', 'Omar Adel', ['Foreign ministry spokesman']],
    ['Opposition leader Ida Berg spoke.', 'Ida Berg', ['Opposition leader']],
    [
      'Lo Min, a secretary of the ruling Unity Party’s central committee, flew home.',
      'Lo Min',
      ['secretary of the ruling Unity Party’s central committee'],
    ],
    ['He met Lo Min, the country’s top diplomat, in May.', 'Lo Min', ['top diplomat']],
    ['He dined with Vosk’s ambassador to Chile, Per Lund, on Friday.', 'Per Lund', ['ambassador to Chile']],
    ['Lo Min, the Eastland leader’s special envoy, landed.', 'Lo Min', ['special envoy']],
    ['President Ana Vosk, a former judge, spoke.', 'Ana Vosk', ['President', 'former judge']],
  ])('%s', (text, name, roles) => expect(rolesOf(text, name)).toEqual(roles));

  it.each([
    ['On Monday Ana Vosk arrived.', 'Ana Vosk'],
    ['Speaking to the minister, Ana Vosk said no.', 'Ana Vosk'],
    ['Ana Vosk, who met the minister, left.', 'Ana Vosk'],
    ['Ana Vosk, 33, left.', 'Ana Vosk'],
    ['Hours later, Ana Vosk left.', 'Ana Vosk'],
    ['They asked the envoy about Ana Vosk yesterday.', 'Ana Vosk'],
    ['Ana Vosk', 'Ana Vosk'],
  ])('no role in: %s', (text, name) => expect(rolesOf(text, name)).toEqual([]));
});

describe('readRoles: the nearest title', () => {
  it.each([
    ['He is the special envoy of Eastland leader Ana Vosk.', 'Ana Vosk', ['leader']],
    ['Secretary of State Lo Min spoke.', 'Lo Min', ['Secretary of State']],
    ['Prime Minister Ida Berg spoke.', 'Ida Berg', ['Prime Minister']],
  ])('%s', (text, name, roles) => expect(rolesOf(text, name)).toEqual(roles));
});
