import { describe, expect, it } from 'vitest';
import { isWithinOneEdit, osaDistance } from '../../src/search/edit-distance.js';
import { seededRandom } from './synthetic-clients.js';

describe('osaDistance', () => {
  it.each([
    ['brunner', 'brunner', 0],
    ['bruner', 'brunner', 1],
    ['brunnar', 'brunner', 1],
    ['brunnner', 'brunner', 1],
    ['brunenr', 'brunner', 1],
    ['brunar', 'brunner', 2],
    ['brunerx', 'brunner', 2],
    ['ca', 'abc', 3],
    ['', 'abc', 3],
  ])('%s ↔ %s is %i', (a, b, distance) => {
    expect(osaDistance(a, b)).toBe(distance);
    expect(osaDistance(b, a)).toBe(distance);
  });
});

describe('isWithinOneEdit', () => {
  it('agrees with osaDistance on random short words', () => {
    const random = seededRandom(7);
    const word = (): string =>
      Array.from({ length: Math.floor(random() * 7) }, () => 'abc'[Math.floor(random() * 3)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const [a, b] = [word(), word()];
      expect(isWithinOneEdit(a, b), `${a} ↔ ${b}`).toBe(osaDistance(a, b) <= 1);
    }
  });
});
