import { describe, expect, it } from 'vitest';
import { buildClientIndex, searchByScan } from '../../src/search/index.js';
import type { SearchableClient } from '../../src/search/index.js';
import { seededRandom, syntheticClients } from './synthetic-clients.js';

const clients = syntheticClients(2000, seededRandom(99));
const index = buildClientIndex(clients);

describe('hostile queries neither throw nor take long', () => {
  it.each([
    ['20,000 letters', 'a'.repeat(20_000)],
    ['20,000 characters of words', 'Müller Zürich '.repeat(1_500)],
    ['20,000 digits', '0'.repeat(20_000)],
    ['10,000 digit groups', '1 '.repeat(10_000)],
    ['10,000 phone numbers', '044 123 45 67 '.repeat(1_000)],
    ['10,000 at-signs', '@'.repeat(10_000)],
    ['a long email address', `${'x'.repeat(5_000)}@${'y'.repeat(5_000)}.ch`],
    ['a long domain', `${'sub.'.repeat(2_000)}acme.ch`],
    ['control characters', '\u0000\u0001\u0007\u001b[31mMeier\u007f'],
    ['emoji', '👨‍👩‍👧‍👦 😀 Müller 🇨🇭'],
    ['right-to-left text and marks', '\u202eمرحبا עברית\u202c Meier'],
    ['lone surrogates', '\ud800Meier\udfff'],
    ['combining marks only', '\u0301\u0308\u0301'],
    ['brackets and plus signs', '((( +++ ))) (0) +'],
    ['regular expression syntax', '.*+?^${}()|[]\\ Meier'],
    ['a URL with everything', 'https://user:pw@www.acme-bau.ch:8080/a/b?c=d#e'],
    ['the Unicode replacement character', '\ufffd\ufffd'],
  ])('%s', (_name, query) => {
    const started = performance.now();
    const found = index.search({ query });
    // A generous bound that only a blow-up (quadratic work, unbounded terms) can exceed; timings are benched, not tested.
    expect(performance.now() - started).toBeLessThan(500);
    expect(found).toEqual(searchByScan(clients, { query }));
  });
});

const oddClients = [
  null,
  undefined,
  42,
  'Meier',
  ['Meier'],
  {},
  { lastName: Number.NaN, firstName: Number.POSITIVE_INFINITY, companyName: true, phone: { number: '044 123 45 67' } },
  { lastName: 'Meier', contactAddress: ['Zürich'] },
  { lastName: 'Meier', contactAddress: 'Zürich' },
  { lastName: 'Meier', contactAddress: 8001 },
  { lastName: 'Meier', contactAddress: { city: { name: 'Zürich' }, zip: 8001, number: 12n } },
  { lastName: 'Meier', contactType: '2' },
  { lastName: 'Meier', contactType: 'zwei' },
  { lastName: 'Meier', email: 'not an address', website: 'http://', phone: '+', fax: '()' },
  { lastName: 'Meier', email: '@@@', website: '....' },
  { lastName: `Meier ${'x'.repeat(100_000)}` },
  { lastName: '\ud800\udfff\u0000😀' },
  { lastName: 'Meier', __proto__: { firstName: 'Inherited' } },
] as unknown as SearchableClient[];

describe('odd client records neither throw nor derail the index', () => {
  const oddIndex = buildClientIndex(oddClients);

  it.each([
    [{}],
    [{ query: 'meier' }],
    [{ query: 'zurich' }],
    [{ query: '8001' }],
    [{ query: '12' }],
    [{ query: '044 123 45 67' }],
    [{ query: 'x' }],
    [{ contactType: 2 }],
    [{ query: 'inherited' }],
  ])('%j', (criteria) => {
    expect(oddIndex.search(criteria)).toEqual(searchByScan(oddClients, criteria));
  });

  it('reads numbers as text and ignores objects, arrays and non-object addresses', () => {
    expect(oddIndex.search({ query: 'meier 8001 12' })).toEqual([oddClients[10]]);
    expect(oddIndex.search({ query: 'zurich' })).toEqual([]);
    expect(oddIndex.search({ contactType: 2 })).toEqual([oddClients[11]]);
  });

  it('counts every record, odd or not', () => {
    expect(oddIndex.size).toBe(oddClients.length);
    expect(oddIndex.search({})).toEqual(oddClients);
  });
});

describe('the index is a snapshot', () => {
  it('does not change when the caller changes the list afterwards', () => {
    const list: SearchableClient[] = [{ lastName: 'Meier' }];
    const snapshot = buildClientIndex(list);
    list.push({ lastName: 'Meier' });
    list.reverse();
    expect(snapshot.search({ query: 'meier' })).toHaveLength(1);
    expect(snapshot.size).toBe(1);
  });

  it('gives the same answer to the same search twice', () => {
    const first = index.search({ query: 'müller zürich' });
    index.search({ query: 'a' });
    expect(index.search({ query: 'müller zürich' })).toEqual(first);
  });
});
