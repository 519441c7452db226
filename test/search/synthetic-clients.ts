import type { SearchableClient } from '../../src/search/index.js';

// The sandbox's seeded PRNG: the same seed gives the same clients and queries on every run.
export { seededRandom } from '../../src/sandbox/seeded-random.js';

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export const FIRST_NAMES = [
  'Hans',
  'Peter',
  'Hans-Peter',
  'Jürg',
  'Zoë',
  'François',
  'Ruedi',
  'Beat',
  'Käthi',
  'Ursula',
  'Niccolò',
  'Iñaki',
  'Björn',
  'Łukasz',
  'Søren',
  'Anna',
  'Anne-Marie',
  'Chloé',
  'Noël',
  'Gian-Reto',
  'Flurin',
  'Mirjam',
  'Sébastien',
  'Reto',
  'Sandra',
  'Thomas',
  'Urs',
  'Lea',
  'Marco',
  'Elena',
  'Jörg',
  'Joerg',
  'Daniela',
  'Stefan',
  'Stephan',
];
export const LAST_NAMES = [
  'Müller',
  'Mueller',
  'Muller',
  'Meier',
  'Meyer',
  'Maier',
  'Mayer',
  'Schmid',
  'Schmidt',
  'Keller',
  'Weber',
  'Huber',
  'Brunner',
  'Bruner',
  'Gasser',
  'Favre',
  'Rochat',
  'Bernasconi',
  'Núñez',
  'Sørensen',
  'Bär',
  'Baer',
  'Gerber',
  'Steiner',
  'Frei',
  'Zürcher',
  'Wälti',
  'Caduff',
  "D'Andrea",
  'Kjær',
  'Wałęsa',
  'Cœurdevey',
  'Grossmann',
  'Großmann',
  'Häfliger',
  'Haefliger',
  'Rüegg',
  'Würth',
  'Lüthi',
  'Luethi',
  'Bühler',
  'Buehler',
  'Hess',
  'Moser',
  'Kälin',
];
const COMPANY_WORDS = [
  'Bau',
  'Holzbau',
  'Garage',
  'Café',
  'Bäckerei',
  'Treuhand',
  'Malerei',
  'Sanitär',
  'Elektro',
  'Gärtnerei',
  'Boulangerie',
  'Caffè',
  'Fiduciaire',
  'Immobilien',
  'Schreinerei',
  'Informatik',
  'Coiffure',
  'Métallique',
  'Transporte',
  'Übersetzungen',
];
const LEGAL_FORMS = ['AG', 'GmbH', 'SA', 'Sàrl', 'KlG', '& Co.', 'Sagl'];
const PLACES = [
  ['Zürich', '8001'],
  ['Zürich', '8004'],
  ['Genève', '1204'],
  ['Bern', '3011'],
  ['Basel', '4051'],
  ['Luzern', '6003'],
  ['St. Gallen', '9000'],
  ['Neuchâtel', '2000'],
  ['Lugano', '6900'],
  ['Biel/Bienne', '2502'],
  ['Saint-Légier', '1806'],
  ['Küsnacht', '8700'],
  ['Mustér', '7180'],
  ['Winterthur', '8400'],
  ['Zug', '6300'],
  ['Chur', '7000'],
  ['Sion', '1950'],
] as const;
const STREETS = [
  'Bahnhofstrasse',
  'Seestraße',
  'Rue de Lausanne',
  'Via Nassa',
  'Hauptstrasse',
  'Dorfstr.',
  'Chemin des Vignes',
  'Bärenplatz',
  'Route de Genève',
];
const SALUTATIONS = ['Herr', 'Frau', 'Herr Dr.', 'Madame', 'Monsieur', 'Signora', 'Dr. med.'];
const POSITIONS = ['Geschäftsführer', 'Inhaberin', 'Directeur', 'Buchhaltung', 'CEO', 'Responsabile vendite'];
const DEPARTMENTS = ['Einkauf', 'Verkauf', 'Administration', 'Comptabilité', 'IT'];
const DOMAINS = [
  'acme-bau.ch',
  'mail.acme-bau.ch',
  'bluewin.ch',
  'gmx.ch',
  'muellerbau.ch',
  'treuhand-zug.ch',
  'example.com',
  'hotmail.com',
];
export const AREA_CODES = ['44', '43', '31', '61', '21', '22', '91', '71', '41', '79', '78', '76'];
// A small pool of subscriber numbers so that phone fragments hit several clients.
const SUBSCRIBERS = Array.from({ length: 120 }, (_, i) =>
  String(1_000_000 + ((i * 7_919_117) % 9_000_000)).slice(0, 7),
);

/** A national Swiss number (9 digits, no trunk zero) written in one of the ways people write phone numbers. */
export function writePhoneNumber(random: () => number, national: string): string {
  const area = national.slice(0, 2);
  const rest = national.slice(2);
  const groups = `${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`;
  return pick(random, [
    `+41 ${area} ${groups}`,
    `0${area} ${groups}`,
    `0041 ${area} ${groups}`,
    `+41 (0)${area} ${groups}`,
    `0${area}/${rest.slice(0, 3)}.${rest.slice(3, 5)}.${rest.slice(5)}`,
    `0${area}-${rest.slice(0, 3)}-${rest.slice(3, 5)}-${rest.slice(5)}`,
    `0${national}`,
    `+41${national}`,
  ]);
}

export function randomNationalNumber(random: () => number): string {
  return pick(random, AREA_CODES) + pick(random, SUBSCRIBERS);
}

export interface SyntheticClient extends SearchableClient {
  id: number;
}

/** Varied Swiss clients: people and companies, accents and transliterations, missing fields, odd types. */
export function syntheticClients(count: number, random: () => number): SyntheticClient[] {
  const maybe = <T>(chance: number, value: () => T): T | undefined => (random() < chance ? value() : undefined);
  return Array.from({ length: count }, (_, id) => {
    const isCompany = random() < 0.3;
    const firstName = isCompany ? maybe(0.2, () => pick(random, FIRST_NAMES)) : pick(random, FIRST_NAMES);
    const lastName = isCompany ? maybe(0.3, () => pick(random, LAST_NAMES)) : pick(random, LAST_NAMES);
    const companyName = isCompany
      ? `${pick(random, [pick(random, LAST_NAMES), pick(random, COMPANY_WORDS)])} ${pick(random, COMPANY_WORDS)} ${pick(random, LEGAL_FORMS)}`
      : maybe(0.1, () => `${pick(random, COMPANY_WORDS)} ${pick(random, LEGAL_FORMS)}`);
    const [city, zip] = pick(random, PLACES);
    const domain = pick(random, DOMAINS);
    const localPart = `${(firstName ?? 'info').toLowerCase()}.${(lastName ?? 'kontakt').toLowerCase()}`.replace(
      /[^a-z.]/g,
      '',
    );
    const client: SyntheticClient = {
      id,
      contactType: pick(random, [1, 1, 2, null]),
      firstName: firstName ?? null,
      lastName: lastName ?? null,
      companyName: companyName ?? null,
      salutation: maybe(0.6, () => pick(random, SALUTATIONS)) ?? null,
      position: maybe(0.3, () => pick(random, POSITIONS)) ?? null,
      department: maybe(0.2, () => pick(random, DEPARTMENTS)) ?? null,
      email:
        maybe(0.7, () =>
          random() < 0.9
            ? `${localPart}@${domain}`
            : `${localPart.toUpperCase()}@${domain}; info@${pick(random, DOMAINS)}`,
        ) ?? null,
      website:
        maybe(
          0.3,
          () =>
            pick(random, ['https://www.', 'http://', 'www.', '']) +
            pick(random, DOMAINS) +
            pick(random, ['', '/', '/kontakt']),
        ) ?? null,
      phone: maybe(0.8, () => writePhoneNumber(random, randomNationalNumber(random))) ?? null,
      mobile: maybe(0.4, () => writePhoneNumber(random, randomNationalNumber(random))) ?? null,
      telMobile: maybe(0.05, () => writePhoneNumber(random, randomNationalNumber(random))) ?? null,
      fax:
        maybe(0.1, () =>
          random() < 0.5
            ? `+49 30 ${pick(random, SUBSCRIBERS)}`
            : writePhoneNumber(random, randomNationalNumber(random)),
        ) ?? null,
      contactAddress: pick(random, [
        {
          street: pick(random, STREETS),
          number: String(1 + Math.floor(random() * 120)) + pick(random, ['', '', 'a']),
          zip,
          city,
          country: 1,
          type: 1,
        },
        {
          street: pick(random, STREETS),
          number: String(1 + Math.floor(random() * 40)),
          zip,
          city,
          poBox: maybe(0.5, () => `Postfach ${Math.floor(random() * 900)}`) ?? null,
        },
        { zip: Number(zip) as unknown as string, city },
        null,
      ]),
    };
    // Untrusted data: some records carry numbers, objects or arrays where strings belong.
    if (random() < 0.03) client.phone = Number(randomNationalNumber(random)) as unknown as string;
    if (random() < 0.02) client.lastName = { unexpected: true } as unknown as string;
    if (random() < 0.02) client.contactAddress = 'Bahnhofstrasse 1' as unknown as null;
    return client;
  });
}
