import { describe, expect, it } from 'vitest';
import { MATCH_SCORE, matchScore, normalizeText, prepareQuery } from './title-match.js';

describe('normalizeText', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalizeText('Gymnopédie No. 1')).toBe('gymnopedie no 1');
    expect(normalizeText('D.O.A.')).toBe('doa');
    expect(normalizeText('Sherlock Jr.')).toBe('sherlock jr');
    expect(normalizeText("  Singin' in the Rain ")).toBe('singin in the rain');
  });
});

describe('matchScore', () => {
  it('scores exact > prefix > word > substring, and misses', () => {
    const query = prepareQuery('Night');
    if (!query) throw new Error('query');
    expect(matchScore(query, 'night')).toBe(MATCH_SCORE.exact);
    expect(matchScore(query, 'Nightfall')).toBe(MATCH_SCORE.prefix);
    expect(matchScore(query, 'Into the Night')).toBe(MATCH_SCORE.word);
    expect(matchScore(query, 'Knightly')).toBe(MATCH_SCORE.substring);
    expect(matchScore(query, 'Day')).toBeUndefined();
    expect(matchScore(query, undefined)).toBeUndefined();
    expect(prepareQuery(' ?! ')).toBeUndefined();
  });
});
