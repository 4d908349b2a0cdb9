import { describe, expect, it } from 'vitest';
import { compareNumbers, readFilterTerm } from './filter-term.js';

/** The filter terms a query string yields, as `URLSearchParams` splits it. */
function terms(query: string) {
  return [...new URLSearchParams(query)].map(([key, value]) => readFilterTerm(key, value));
}

describe('readFilterTerm', () => {
  it("reads Plex's operators however the client encoded them", () => {
    expect(
      terms('at=5&at>=5&at%3E%3D=5&at>>=5&at<=5&at<<=5&at!=5&at%21%3D=5&at==5').map(
        ({ field, op, value }) => `${field} ${op} ${value}`,
      ),
    ).toEqual([
      'at = 5',
      'at >= 5',
      'at >= 5',
      'at > 5',
      'at <= 5',
      'at < 5',
      'at != 5',
      'at != 5',
      'at = 5',
    ]);
  });

  it('has no operator for suffixes Plex does not know', () => {
    expect(terms('at<>=5')[0]).toEqual({ field: 'at', op: undefined, value: '5' });
  });
});

describe('compareNumbers', () => {
  it('compares with each operator', () => {
    const ops = ['=', '!=', '>=', '>', '<=', '<'] as const;
    expect(ops.map((op) => compareNumbers(5, op, 5))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(ops.map((op) => compareNumbers(6, op, 5))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
