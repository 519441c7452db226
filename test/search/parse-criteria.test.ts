import { describe, expect, it } from 'vitest';
import { MAX_TERMS, parseCriteria } from '../../src/search/parse-criteria.js';
import type { ClientSearchCriteria } from '../../src/search/parse-criteria.js';
import type { Term } from '../../src/search/term.js';

/** A term in one line: word forms joined by |, `tel^` from the start of a number, `tel~` anywhere in it. */
function shown(term: Term): string {
  const parts = term.words.length > 0 ? [term.words.join('|')] : [];
  if (term.phone !== null) parts.push(`${term.phone.from === 'start' ? 'tel^' : 'tel~'}${term.phone.digits}`);
  if (term.email !== null) parts.push(`email ${term.email}`);
  if (term.domain !== null) parts.push(`domain ${term.domain}`);
  return parts.length > 0 ? parts.join(' + ') : 'nothing can match';
}

const termsOf = (criteria: ClientSearchCriteria): string[] => parseCriteria(criteria).terms.map(shown);

describe('parseCriteria', () => {
  it.each<[string, ClientSearchCriteria, string[]]>([
    ['words are folded and get their German form', { query: 'Hans Müller' }, ['hans', 'muller|mueller']],
    ['a hyphenated word is two terms', { query: 'hans-peter' }, ['hans', 'peter']],
    ['punctuation is not a term', { query: ',,, ;; "" ...' }, []],
    ['repeated terms count once', { query: 'meier Meier MEIER' }, ['meier']],
    ['a number written with 0 is one term from the start', { query: '044 123 45 67' }, ['tel^441234567']],
    ['+41 (0) is the same start', { query: '+41 (0)44 123 45 67' }, ['tel^441234567']],
    ['a number ends where a real number would', { query: '044 123 45 67 8001' }, ['tel^441234567', '8001']],
    ['two numbers in a row stay two', { query: '044 123 45 67 079 765 43 21' }, ['tel^441234567', 'tel^797654321']],
    ['a foreign number may be longer', { query: '+49 30 1234 5678' }, ['tel^00493012345678']],
    ['+41 alone is no constraint', { query: '+41' }, []],
    ['a house number and a zip are two bare terms', { query: '12 8001' }, ['12', '8001']],
    ['three bare groups are one number', { query: '123 45 67' }, ['1234567 + tel~1234567']],
    ['bare groups joined by separators are one number', { query: '123-45-67' }, ['1234567 + tel~1234567']],
    ['a house number range is two numbers', { query: '12-14' }, ['12', '14']],
    ['short bare digits are no phone fragment', { query: '45678' }, ['45678']],
    ['six bare digits are also a phone fragment', { query: '456789' }, ['456789 + tel~456789']],
    ['digits inside a word token', { query: 'Tel:0441234567' }, ['tel', '0441234567 + tel~441234567']],
    ['an email address', { query: 'Hans.Mueller@ACME.ch' }, ['email hans.mueller@acme.ch']],
    ['a partly typed email address', { query: 'hans.m@' }, ['email hans.m@']],
    ['@domain asks for the domain', { query: '@acme-bau.ch' }, ['domain acme-bau.ch']],
    ['a lone @ is punctuation', { query: '@' }, []],
    ['a domain', { query: 'https://www.acme-bau.ch/kontakt' }, ['domain acme-bau.ch']],
    ['St.Gallen is words', { query: 'St.Gallen' }, ['st', 'gallen']],
    ['name filters hold only words', { companyName: 'galaxus.ch 044' }, ['galaxus', 'ch', '044']],
    ['the zip filter holds no phone fragment', { zip: '800100' }, ['800100']],
    ['the email filter knows domains', { email: 'acme-bau.ch' }, ['domain acme-bau.ch']],
    ['the phone filter is one number', { phone: '+41 44 123 45 67' }, ['tel^441234567']],
    ['a bare phone filter matches anywhere', { phone: '44 123 45 67' }, ['tel~441234567']],
    ['a short bare phone filter matches from the start', { phone: '79' }, ['tel^79']],
    ['a phone filter without digits cannot match', { phone: 'n/a' }, ['nothing can match']],
    ['a phone filter of punctuation is no constraint', { phone: '--' }, []],
    ['whitespace is no constraint', { query: ' \t\n', city: '  ' }, []],
    ['non-strings are no constraint', { query: 42 as unknown as string, city: null as unknown as string }, []],
    ['control characters, emoji and RTL marks separate words', { query: 'anna\u0000😀\u202emeier' }, ['anna', 'meier']],
  ])('%s: %j', (_behaviour, criteria, terms) => {
    expect(termsOf(criteria)).toEqual(terms);
  });

  it(`reads at most ${MAX_TERMS} terms from a criterion`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    expect(termsOf({ query: words.join(' ') })).toEqual(words.slice(0, MAX_TERMS));
  });

  it('keeps a contact type only when it is a finite number', () => {
    expect(parseCriteria({ contactType: 2 }).contactType).toBe(2);
    expect(parseCriteria({ contactType: Number.NaN }).contactType).toBeNull();
    expect(parseCriteria({ contactType: '2' as unknown as number }).contactType).toBeNull();
  });
});
