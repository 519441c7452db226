import { describe, expect, it } from 'vitest';
import { buildClientIndex } from '../../src/search/index.js';
import type { ClientSearchCriteria } from '../../src/search/index.js';
import { osaDistance } from '../../src/search/edit-distance.js';
import { wordsOf } from '../../src/search/fold.js';
import { normalizePhoneNumber } from '../../src/search/phone-number.js';
import { createScanner } from '../../src/search/reference-matcher.js';
import { pick, seededRandom, syntheticClients, writePhoneNumber } from './synthetic-clients.js';
import type { SyntheticClient } from './synthetic-clients.js';

const CLIENT_COUNT = 2500;
const QUERY_COUNT = 400;

const random = seededRandom(20240611);
const clients = syntheticClients(CLIENT_COUNT, random);
const index = buildClientIndex(clients);
const scan = createScanner(clients);

const NAME_KEYS = ['firstName', 'lastName', 'companyName'] as const;
const OTHER_KEYS = ['salutation', 'position', 'department', 'email', 'website'] as const;
const ADDRESS_KEYS = ['street', 'number', 'poBox', 'zip', 'city', 'state'] as const;
const PHONE_KEYS = ['phone', 'mobile', 'telMobile', 'fax'] as const;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : null;
}

function nameTexts(client: SyntheticClient): string[] {
  return NAME_KEYS.map((key) => text(client[key])).filter((value): value is string => value !== null);
}

function otherTexts(client: SyntheticClient): string[] {
  const address: Record<string, unknown> =
    typeof client.contactAddress === 'object' && client.contactAddress !== null ? { ...client.contactAddress } : {};
  return [...OTHER_KEYS.map((key) => text(client[key])), ...ADDRESS_KEYS.map((key) => text(address[key]))].filter(
    (value): value is string => value !== null,
  );
}

function typo(word: string): string {
  const at = Math.floor(random() * word.length);
  const letter = pick(random, [...'abcdefghijklmnopqrstuvwxyzäöüé']);
  switch (pick(random, ['wrong', 'missing', 'extra', 'swapped'] as const)) {
    case 'wrong':
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 'missing':
      return word.slice(0, at) + word.slice(at + 1);
    case 'extra':
      return word.slice(0, at) + letter + word.slice(at);
    case 'swapped':
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  }
}

/** A word from the client, spelled the way a user might type it. */
function wordQuery(client: SyntheticClient): string {
  const texts = random() < 0.6 ? nameTexts(client) : otherTexts(client);
  const words = (texts.length > 0 ? pick(random, texts) : 'Meier').split(/[\s\-/]+/).filter((part) => part !== '');
  const word = words.length > 0 ? pick(random, words) : 'Meier';
  switch (pick(random, ['as-is', 'lower', 'upper', 'plain', 'german', 'prefix', 'typo', 'typo', 'garbage'] as const)) {
    case 'as-is':
      return word;
    case 'lower':
      return word.toLowerCase();
    case 'upper':
      return word.toUpperCase();
    case 'plain':
      return word.normalize('NFKD').replace(/\p{M}/gu, '');
    case 'german':
      return word.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
    case 'prefix':
      return word.slice(0, 1 + Math.floor(random() * Math.max(1, word.length - 1)));
    case 'typo':
      return typo(word.toLowerCase());
    case 'garbage':
      return Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(random, [...'aeioulnrstmkbz'])).join('');
  }
}

/** The client's phone number, or part of it, written another way. */
function phoneQuery(client: SyntheticClient): string {
  const written = text(client[pick(random, PHONE_KEYS)]) ?? text(client.phone) ?? '044 123 45 67';
  const national = normalizePhoneNumber(written);
  if (national.startsWith('00') || national.length < 9) return written;
  const rewritten = writePhoneNumber(random, national);
  switch (pick(random, ['whole', 'start', 'bare-inside', 'bare-short', 'bare-groups', 'typo'] as const)) {
    case 'whole':
      return rewritten;
    case 'start':
      return rewritten
        .split(' ')
        .slice(0, 1 + Math.floor(random() * 4))
        .join(' ');
    case 'bare-inside': {
      const length = 6 + Math.floor(random() * 3);
      const from = 1 + Math.floor(random() * (national.length - length));
      return national.slice(from, from + length);
    }
    case 'bare-short':
      return national.slice(2, 2 + 2 + Math.floor(random() * 4));
    case 'bare-groups':
      return `${national.slice(2, 5)} ${national.slice(5, 7)} ${national.slice(7)}`;
    case 'typo':
      return `0${national.slice(0, 8)}${(Number(national.slice(8)) + 1) % 10}`;
  }
}

function emailQuery(client: SyntheticClient): string {
  const address = (text(client.email) ?? 'nobody@example.com').split(';')[0]?.trim() ?? '';
  const domain = address.slice(address.indexOf('@') + 1);
  return pick(random, [
    address,
    address.toUpperCase(),
    address.slice(0, address.indexOf('@') + 1 + Math.floor(random() * 4)),
    domain,
    `www.${domain}`,
    `https://${domain}/`,
    `@${domain}`,
    domain.split('.').slice(-2).join('.'),
  ]);
}

function addressQuery(client: SyntheticClient): string {
  const address =
    typeof client.contactAddress === 'object' && client.contactAddress !== null ? client.contactAddress : {};
  return pick(random, [
    text(address.zip) ?? '8001',
    (text(address.zip) ?? '8001').slice(0, 2),
    `${text(address.number) ?? '12'} ${text(address.zip) ?? '8001'}`,
    `${text(address.street) ?? ''} ${text(address.number) ?? ''}`,
  ]);
}

function randomCriteria(): ClientSearchCriteria {
  const client = pick(random, clients);
  const other = pick(random, clients);
  const parts = Array.from({ length: pick(random, [1, 1, 2, 2, 3]) }, () =>
    pick(random, [wordQuery, wordQuery, wordQuery, phoneQuery, emailQuery, addressQuery])(
      random() < 0.9 ? client : other,
    ),
  );
  const criteria: ClientSearchCriteria =
    random() < 0.9 ? { query: parts.join(pick(random, [' ', ' ', ', ', '  '])) } : {};
  if (random() < 0.35) {
    const address =
      typeof client.contactAddress === 'object' && client.contactAddress !== null ? client.contactAddress : {};
    switch (
      pick(random, ['city', 'zip', 'companyName', 'lastName', 'firstName', 'email', 'phone', 'contactType'] as const)
    ) {
      case 'city':
        criteria.city = text(address.city) ?? 'Zürich';
        break;
      case 'zip':
        criteria.zip = (text(address.zip) ?? '80').slice(0, 2 + Math.floor(random() * 3));
        break;
      case 'companyName':
        criteria.companyName = wordQuery(client);
        break;
      case 'lastName':
        criteria.lastName = text(client.lastName) ?? 'Meier';
        break;
      case 'firstName':
        criteria.firstName = text(client.firstName) ?? 'Hans';
        break;
      case 'email':
        criteria.email = emailQuery(client);
        break;
      case 'phone':
        criteria.phone = phoneQuery(client);
        break;
      case 'contactType':
        criteria.contactType = pick(random, [1, 2, 3]);
        break;
    }
  }
  return criteria;
}

const queries = Array.from({ length: QUERY_COUNT }, randomCriteria);
const ids = (found: readonly SyntheticClient[]): number[] => found.map((client) => client.id);

describe('the index agrees with the reference scan', () => {
  it.each(queries.map((criteria) => [JSON.stringify(criteria), criteria] as const))('%s', (_shown, criteria) => {
    expect(ids(index.search(criteria))).toEqual(ids(scan(criteria)));
  });

  it('exercises real matches, not only empty results', () => {
    const found = queries.map((criteria) => index.search(criteria).length);
    expect(found.filter((count) => count > 0).length).toBeGreaterThan(QUERY_COUNT * 0.5);
    expect(found.filter((count) => count === 0).length).toBeGreaterThan(QUERY_COUNT * 0.05);
  });
});

/**
 * The ranking rules restated without the index's scoring: for a one-word query, a client's tier is its best match:
 * exact word in a name, exact elsewhere, prefix in a name, prefix elsewhere, typo in a name, typo elsewhere.
 */
function tier(client: SyntheticClient, termForms: readonly string[]): number {
  let best = 6;
  const consider = (texts: string[], nameOffset: number): void => {
    for (const forms of texts.flatMap(wordsOf)) {
      for (const word of forms) {
        for (const term of termForms) {
          if (word === term) best = Math.min(best, 0 + nameOffset);
          else if (word.startsWith(term)) best = Math.min(best, 2 + nameOffset);
          else if (term.length >= 5 && !/\d/.test(word) && osaDistance(word, term) === 1)
            best = Math.min(best, 4 + nameOffset);
        }
      }
    }
  };
  consider(nameTexts(client), 0);
  consider(otherTexts(client), 1);
  return best;
}

const oneWordQueries = Array.from({ length: 150 }, () => wordQuery(pick(random, clients)))
  .filter((query) => /^\p{L}+$/u.test(query) && wordsOf(query).length === 1)
  .map((query) => [query] as const);

describe('ranking rules hold', () => {
  it.each(oneWordQueries)(
    '%s: exact names, exact elsewhere, prefixes, then typos; list order among equals',
    (query) => {
      const termForms = wordsOf(query)[0] ?? [];
      const found = index.search({ query });
      const tiers = found.map((client) => tier(client, termForms));
      expect(tiers.every((value) => value < 6)).toBe(true);
      for (let i = 1; i < found.length; i++) {
        const [before, after] = [tiers[i - 1] ?? 0, tiers[i] ?? 0];
        expect(before <= after).toBe(true);
        if (before === after) expect((found[i - 1]?.id ?? 0) < (found[i]?.id ?? 0)).toBe(true);
      }
    },
  );
});
