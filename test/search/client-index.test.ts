import { describe, expect, it } from 'vitest';
import { buildClientIndex, searchByScan } from '../../src/search/index.js';
import type { ClientSearchCriteria, SearchableClient } from '../../src/search/index.js';

interface Labelled extends SearchableClient {
  label: string;
}

const clients: Labelled[] = [
  { label: 'mueller-zuerichberg', firstName: 'Vreni', lastName: 'Müller', contactAddress: { city: 'Zürichberg' } },
  {
    label: 'hans-mueller',
    contactType: 1,
    firstName: 'Hans',
    lastName: 'Müller',
    phone: '+41 44 123 45 67',
    email: 'hans.mueller@acme-bau.ch',
    contactAddress: { street: 'Bahnhofstrasse', number: '12', zip: '8001', city: 'Zürich' },
  },
  {
    label: 'peter-mueller',
    contactType: 1,
    firstName: 'Peter',
    lastName: 'Mueller',
    phone: '044 123 45 68',
    website: 'https://www.acme-bau.ch/',
    contactAddress: { zip: '8400', city: 'Winterthur' },
  },
  {
    label: 'anna-mueller',
    contactType: 1,
    firstName: 'Anna',
    lastName: 'Müller',
    mobile: '079 555 12 34',
    contactAddress: { zip: '4051', city: 'Basel' },
  },
  { label: 'meier', firstName: 'Sandra', lastName: 'Meier', contactAddress: { zip: '3011', city: 'Bern' } },
  { label: 'meyer', firstName: 'Thomas', lastName: 'Meyer', contactAddress: { zip: '6003', city: 'Luzern' } },
  { label: 'schmidt', firstName: 'Karin', lastName: 'Schmidt' },
  { label: 'schmid', firstName: 'Reto', lastName: 'Schmid' },
  { label: 'brunner', firstName: 'Urs', lastName: 'Brunner', companyName: 'Brunner Holzbau GmbH' },
  { label: 'gasser', firstName: 'Lea', lastName: 'Gasser', position: 'Geschäftsführerin' },
  {
    label: 'zoe',
    firstName: 'Zoë',
    lastName: 'Favre',
    contactAddress: { street: 'Rue de Lausanne', number: '3', zip: '1204', city: 'Genève' },
  },
  {
    label: 'hans-peter',
    firstName: 'Hans-Peter',
    lastName: 'Keller',
    contactAddress: { zip: '1806', city: 'Saint-Légier' },
  },
  {
    label: 'francois',
    firstName: 'François',
    lastName: 'Rochat',
    companyName: 'Boulangerie Rochat SA',
    contactAddress: { city: 'Neuchâtel' },
  },
  { label: 'nunez', firstName: 'Iñigo', lastName: 'Núñez' },
  { label: 'coeur', contactType: 2, companyName: 'Cœur de Lion Sàrl' },
  { label: 'kjaer', firstName: 'Mette', lastName: 'Kjær' },
  { label: 'sorensen', firstName: 'Søren', lastName: 'Sørensen' },
  { label: 'walesa', firstName: 'Łukasz', lastName: 'Wałęsa' },
  { label: 'caduff', firstName: 'Flurin', lastName: 'Caduff', contactAddress: { city: 'Mustér' } },
  {
    label: 'bernasconi',
    firstName: 'Niccolò',
    lastName: 'Bernasconi',
    companyName: 'Caffè Bernasconi',
    contactAddress: { city: 'Lugano' },
  },
  {
    label: 'baer',
    firstName: 'Ruth',
    lastName: 'Bär',
    contactAddress: { street: 'Seestraße', number: '5', zip: '8700', city: 'Küsnacht' },
  },
  {
    label: 'mueller-bau',
    contactType: 2,
    companyName: 'Müller Bau AG',
    email: 'info@muellerbau.ch',
    website: 'www.muellerbau.ch',
    phone: '0041 61 222 33 44',
  },
  { label: 'weber', firstName: 'Klaus', lastName: 'Weber', phone: '+49 30 1234567' },
  { label: 'frei', firstName: 'Eva', lastName: 'Frei', email: 'Eva@Mail.Acme-Bau.ch' },
  {
    label: 'dandrea',
    firstName: 'Luca',
    lastName: "D'Andrea",
    salutation: 'Herr Dr. med.',
    contactAddress: { city: 'St. Gallen', zip: '9000' },
  },
  { label: 'basel-surname', firstName: 'Rolf', lastName: 'Basel' },
  { label: 'bruhne', firstName: 'Ida', lastName: 'Bruhne' },
  { label: 'fax-only', companyName: 'Treuhand Fax AG', fax: '031 999 88 77', telMobile: '076 111 22 33' },
  // Untrusted data: numbers where strings belong, objects, arrays, an address that is not an object.
  {
    label: 'numbers',
    lastName: 'Zahl',
    firstName: 42 as unknown as string,
    contactAddress: { zip: 3000 as unknown as string, number: 7 as unknown as string },
  },
  {
    label: 'odd',
    lastName: { nested: 'Odd' } as unknown as string,
    email: ['x@y.ch'] as unknown as string,
    contactAddress: 'Hauptstrasse 1' as unknown as null,
  },
];

const labels = (found: readonly Labelled[]): string[] => found.map((client) => client.label);
const implementations = [
  ['index', (criteria: ClientSearchCriteria) => labels(buildClientIndex(clients).search(criteria))],
  ['reference scan', (criteria: ClientSearchCriteria) => labels(searchByScan(clients, criteria))],
] as const;

// behaviour, criteria, labels that must be found, labels that must not be
const matching: [string, ClientSearchCriteria, string[], string[]][] = [
  ['case does not matter', { query: 'MEIER' }, ['meier'], []],
  ['muller finds Müller without its umlaut', { query: 'muller' }, ['hans-mueller', 'anna-mueller'], []],
  [
    'mueller finds Müller and Mueller alike',
    { query: 'mueller' },
    ['hans-mueller', 'anna-mueller', 'peter-mueller'],
    [],
  ],
  ['Müller typed with umlaut finds Mueller too', { query: 'Müller' }, ['hans-mueller', 'peter-mueller'], []],
  ['zoe finds Zoë', { query: 'zoe' }, ['zoe'], []],
  ['geneve finds Genève', { query: 'geneve' }, ['zoe'], []],
  ['francois finds François (cedilla)', { query: 'francois' }, ['francois'], []],
  ['nunez finds Núñez (tilde)', { query: 'inigo nunez' }, ['nunez'], []],
  ['coeur finds Cœur (œ ligature)', { query: 'coeur' }, ['coeur'], []],
  ['kjaer finds Kjær (æ ligature)', { query: 'kjaer' }, ['kjaer'], []],
  ['sorensen finds Sørensen (ø)', { query: 'soren sorensen' }, ['sorensen'], []],
  ['lukasz walesa finds Łukasz Wałęsa (ł, ę)', { query: 'lukasz walesa' }, ['walesa'], []],
  ['neuchatel finds Neuchâtel', { query: 'neuchatel' }, ['francois'], []],
  ['niccolo caffe finds Niccolò of Caffè (Italian grave accents)', { query: 'niccolo caffe' }, ['bernasconi'], []],
  ['muster finds Mustér (Romansh)', { query: 'muster' }, ['caduff'], []],
  ['zuerich finds Zürich', { query: 'zuerich' }, ['hans-mueller'], []],
  ['zurich finds Zürich', { query: 'zurich' }, ['hans-mueller'], []],
  ['baer finds Bär', { query: 'baer' }, ['baer'], []],
  ['seestrasse finds Seestraße', { query: 'seestrasse' }, ['baer'], []],
  ['bahnhofstraße finds Bahnhofstrasse', { query: 'bahnhofstraße' }, ['hans-mueller'], []],
  ['geschaeftsfuehrerin finds Geschäftsführerin in the position', { query: 'geschaeftsfuehrerin' }, ['gasser'], []],
  ['a term matches as a prefix while typing', { query: 'Gass' }, ['gasser'], []],
  ['a prefix matches a company word', { query: 'holzb' }, ['brunner'], []],
  ['a missing letter is forgiven in a long word', { query: 'Bruner' }, ['brunner'], []],
  ['a wrong letter is forgiven', { query: 'brunnar' }, ['brunner'], []],
  ['an extra letter is forgiven', { query: 'brunnner' }, ['brunner'], []],
  ['two swapped letters are forgiven', { query: 'brunenr' }, ['brunner'], []],
  ['muller finds Mueller as a typo', { query: 'muller' }, ['peter-mueller'], []],
  ['two typos are too many', { query: 'brunar' }, [], ['brunner']],
  ['words under five letters must be spelled right', { query: 'meyr' }, [], ['meyer', 'meier']],
  ['four letters with a wrong one find nothing', { query: 'meir' }, [], ['meier', 'meyer']],
  ['a typo is not forgiven on top of a prefix', { query: 'brunerx' }, [], ['brunner']],
  ['a shorter prefix still finds', { query: 'brun' }, ['brunner'], []],
  ['digits get no typo: 80011 is not zip 8001', { query: '80011' }, [], ['hans-mueller']],
  [
    'a phone number with one wrong digit is another number',
    { query: '044 123 45 66' },
    [],
    ['hans-mueller', 'peter-mueller'],
  ],
  ['every term must match', { query: 'hans zuerich' }, ['hans-mueller'], ['hans-peter']],
  ['a term matching nowhere excludes the client', { query: 'hans basel' }, [], ['hans-mueller', 'anna-mueller']],
  ['a hyphenated query needs both parts', { query: 'hans-peter' }, ['hans-peter'], ['hans-mueller', 'peter-mueller']],
  ['a hyphenated name is found by one part', { query: 'peter keller' }, ['hans-peter'], []],
  ['a hyphenated place is found accent-blind', { query: 'saint-legier' }, ['hans-peter'], []],
  ['commas and quotes do not break terms', { query: '"Meier", Bern;' }, ['meier'], []],
  ['St. with its dot finds St. Gallen', { query: 'St. Gallen' }, ['dandrea'], []],
  ['St.Gallen without a space stays a place, not a domain', { query: 'St.Gallen' }, ['dandrea'], []],
  ["an apostrophe in a name splits it: d'andrea", { query: "d'andrea" }, ['dandrea'], []],
  ['a salutation with dots is searchable', { query: 'dr. med.' }, ['dandrea'], []],
  ['044 123 45 67 finds +41 44 123 45 67 and not …68', { query: '044 123 45 67' }, ['hans-mueller'], ['peter-mueller']],
  ['+41 (0)44 123 45 67 is the same number', { query: '+41 (0)44 123 45 67' }, ['hans-mueller'], ['peter-mueller']],
  ['0041 44 123 45 67 is the same number', { query: '0041 44 123 45 67' }, ['hans-mueller'], ['peter-mueller']],
  ['044/123.45.67 is the same number', { query: '044/123.45.67' }, ['hans-mueller'], ['peter-mueller']],
  ['044-123-45-67 is the same number', { query: '044-123-45-67' }, ['hans-mueller'], ['peter-mueller']],
  ['+41441234567 is the same number', { query: '+41441234567' }, ['hans-mueller'], ['peter-mueller']],
  ['a stored 0041 number is found as 061', { query: '061 222 33 44' }, ['mueller-bau'], []],
  ['the start of a number finds every number starting so', { query: '044 123' }, ['hans-mueller', 'peter-mueller'], []],
  ['a number written with 0 matches from the start only', { query: '0123 45 67' }, [], ['hans-mueller']],
  ['a phone number next to a name', { query: 'hans 044 123 45 67' }, ['hans-mueller'], ['peter-mueller']],
  ['a mobile number is searched', { query: '079 555 12 34' }, ['anna-mueller'], []],
  ['fax and telMobile are searched', { query: '076 111 22 33' }, ['fax-only'], []],
  ['a foreign number keeps its country code', { query: '+49 30 1234567' }, ['weber'], []],
  ['0049 is the same as +49', { query: '0049 30 123' }, ['weber'], []],
  ['a foreign number is not a Swiss one', { query: '030 1234567' }, [], ['weber']],
  ['bare digits of six or more match inside a phone number', { query: '1234567' }, ['hans-mueller'], ['peter-mueller']],
  [
    'bare digit groups are one number from three groups on',
    { query: '123 45 67' },
    ['hans-mueller'],
    ['peter-mueller'],
  ],
  ['bare digits under six do not match inside phone numbers', { query: '4567' }, [], ['hans-mueller']],
  ['bare digits match the start of a zip', { query: '80' }, ['hans-mueller'], ['peter-mueller']],
  ['bare digits match a house number', { query: 'bahnhofstrasse 12' }, ['hans-mueller'], []],
  ['a house number and a zip are two terms', { query: '12 8001' }, ['hans-mueller'], ['zoe']],
  ['numbers stored as numbers are searched as text', { query: 'zahl 3000 42' }, ['numbers'], []],
  ['a house number stored as a number is searched', { query: 'zahl 7' }, ['numbers'], []],
  [
    'a full email address finds its owner only',
    { query: 'hans.mueller@acme-bau.ch' },
    ['hans-mueller'],
    ['frei', 'peter-mueller'],
  ],
  ['email addresses ignore case', { query: 'Hans.Mueller@ACME-BAU.CH' }, ['hans-mueller'], []],
  ['an email address matches as a prefix while typing', { query: 'hans.mueller@ac' }, ['hans-mueller'], ['frei']],
  ['an email address in angle brackets', { query: '<eva@mail.acme-bau.ch>' }, ['frei'], []],
  [
    'a domain finds email domains, subdomains and website hosts',
    { query: 'acme-bau.ch' },
    ['hans-mueller', 'peter-mueller', 'frei'],
    ['mueller-bau'],
  ],
  ['www. before a domain changes nothing', { query: 'www.acme-bau.ch' }, ['hans-mueller', 'peter-mueller', 'frei'], []],
  ['a URL finds its domain', { query: 'https://acme-bau.ch/' }, ['hans-mueller', 'peter-mueller', 'frei'], []],
  ['@domain finds everyone at that domain', { query: '@muellerbau.ch' }, ['mueller-bau'], ['hans-mueller']],
  ['a domain is not matched inside a label', { query: 'bau.ch' }, [], ['hans-mueller', 'mueller-bau']],
  ['the words of an email address are searchable', { query: 'acme' }, ['hans-mueller', 'frei'], []],
  ['companyName filter looks only in the company', { companyName: 'müller' }, ['mueller-bau'], ['hans-mueller']],
  [
    'lastName filter looks only in the last name',
    { lastName: 'muller' },
    ['hans-mueller', 'peter-mueller'],
    ['mueller-bau'],
  ],
  ['firstName filter', { firstName: 'hans' }, ['hans-mueller', 'hans-peter'], ['peter-mueller']],
  ['city filter is accent-blind', { city: 'zuerich' }, ['hans-mueller'], []],
  ['city filter looks only in the city', { city: 'hans' }, [], ['hans-mueller']],
  ['zip filter matches a prefix', { zip: '80' }, ['hans-mueller'], ['peter-mueller']],
  ['zip filter matches a zip stored as a number', { zip: '3000' }, ['numbers'], []],
  [
    'email filter with a domain ignores websites',
    { email: 'acme-bau.ch' },
    ['hans-mueller', 'frei'],
    ['peter-mueller'],
  ],
  ['email filter with a name part', { email: 'hans' }, ['hans-mueller'], ['hans-peter']],
  ['phone filter with bare digits', { phone: '44 123 45 67' }, ['hans-mueller'], ['peter-mueller']],
  ['phone filter with a short bare start', { phone: '79' }, ['anna-mueller'], ['hans-mueller']],
  ['phone filter with an area code', { phone: '044 123' }, ['hans-mueller', 'peter-mueller'], ['anna-mueller']],
  ['phone filter covers fax', { phone: '031 999 88 77' }, ['fax-only'], []],
  ['phone filter does not look at other fields', { phone: '8001' }, [], ['hans-mueller']],
  ['phone filter of letters finds nothing', { phone: 'n/a' }, [], ['hans-mueller']],
  ['contactType is exact', { contactType: 2 }, ['mueller-bau', 'coeur'], ['hans-mueller']],
  ['all criteria are ANDed', { query: 'mueller', contactType: 1 }, ['hans-mueller', 'peter-mueller'], ['mueller-bau']],
  ['a filter and the query together', { query: 'hans', city: 'basel' }, [], ['hans-mueller', 'anna-mueller']],
  [
    'whitespace-only criteria are no constraint',
    { query: '   ', city: '\t', lastName: 'keller' },
    ['hans-peter'],
    ['meier'],
  ],
];

// behaviour, criteria, labels in the order they must appear (others may come between)
const ranking: [string, ClientSearchCriteria, string[]][] = [
  ['meier lists Meier before Meyer', { query: 'meier' }, ['meier', 'meyer']],
  ['schmid lists Schmid before Schmidt', { query: 'schmid' }, ['schmid', 'schmidt']],
  [
    'muller lists the Müllers before Mueller, in list order',
    { query: 'muller' },
    ['mueller-zuerichberg', 'hans-mueller', 'anna-mueller', 'mueller-bau', 'peter-mueller'],
  ],
  ['an exact word in a name comes before one in the city', { query: 'basel' }, ['basel-surname', 'anna-mueller']],
  ['a prefix comes before a typo', { query: 'brunne' }, ['brunner', 'bruhne']],
  ['equal matches keep list order', { query: 'acme-bau.ch' }, ['hans-mueller', 'peter-mueller', 'frei']],
  [
    'scores add up over terms: two exact words beat an exact word and a prefix',
    { query: 'müller zürich' },
    ['hans-mueller', 'mueller-zuerichberg'],
  ],
];

describe.each(implementations)('%s', (_name, search) => {
  it.each(matching)('%s', (_behaviour, criteria, finds, misses) => {
    const found = search(criteria);
    expect(found).toEqual(expect.arrayContaining(finds));
    for (const label of misses) expect(found).not.toContain(label);
  });

  it.each(ranking)('%s', (_behaviour, criteria, order) => {
    const found = search(criteria);
    expect(found.filter((label) => order.includes(label))).toEqual(order);
    expect(found.indexOf(order[0] ?? '')).toBe(0);
  });

  it('returns every client in list order when no criteria are given', () => {
    expect(search({})).toEqual(labels(clients));
  });

  it('mueller finds the Müllers and Mueller as equals, in list order', () => {
    expect(search({ query: 'mueller' })).toEqual([
      'mueller-zuerichberg',
      'hans-mueller',
      'peter-mueller',
      'anna-mueller',
      'mueller-bau',
    ]);
  });
});
