/**
 * Regular-expression pieces shared by the calendar rules: where an expression may start and
 * end, the modifiers kept inside its extent ("early", "mid-", "the end of"), years and days.
 */
import { ci } from './rule.js';

export const START = '(?<![\\w$£€#@/.-])';
export const END = '(?![\\w%/])';
/** "early", "mid-", "the end of": kept inside the extent, the value stays the month or year. */
export const MOD = `(?:(?:${ci('the ')})?(?:${ci('end|beginning|middle|start|close|turn')}) of (?:${ci('the ')})?|(?:(?:${ci('the ')})?(?:${ci('early|late|mid')})(?:-| ))|${ci('mid')}-)?`;
export const YEAR = '(?:1[6-9]|20)\\d\\d';
export const DAY = '(?<day>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
