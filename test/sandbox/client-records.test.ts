import { describe, expect, it } from 'vitest';
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  demoAccount,
  generateClients,
  seedClients,
  type SandboxClient,
} from '../../src/sandbox/index.js';
import {
  ACME_BAU_EMAIL,
  ACME_BAU_ID,
  ACME_CONTACT_EMAIL,
  ACME_CONTACT_ID,
  ANNA_MUELLER_ID,
  BEAT_MEIER_ID,
  BIEL_PERSON_ID,
  CLAUDIA_MEYER_ID,
  EMPTY_STRINGS_ID,
  FRANCOIS_DUPONT_ID,
  GERMAN_CONTACT_ID,
  GIAN_CADUFF_ID,
  HANS_MUELLER_ID,
  HANS_MUELLER_PHONE,
  LUGANO_COMPANY_ID,
  LUKAS_BRUNNER_ID,
  MISSING_KEYS_ID,
  NULL_ADDRESS_ID,
  ONE_DIGIT_OFF_ID,
  ONE_DIGIT_OFF_PHONE,
  PETER_MUELLER_ID,
  RETO_SCHMIDT_ID,
  RUTH_MUELLER_BERN_ID,
  SANDRA_GASSER_ID,
  URS_SCHMID_ID,
  ZOE_FAVRE_ID,
} from '../../src/sandbox/seed-clients.js';

const seeds = seedClients();
const byId = (id: number): SandboxClient => {
  const found = seeds.find((client) => client.id === id);
  if (found === undefined) throw new Error(`no seed client ${id}`);
  return found;
};
const addressOf = (client: SandboxClient): Record<string, unknown> =>
  client['contactAddress'] as Record<string, unknown>;

describe('seed clients', () => {
  it('hold 40 to 60 records with unique integer ids', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(40);
    expect(seeds.length).toBeLessThanOrEqual(60);
    const ids = seeds.map((client) => client.id);
    for (const id of ids) expect(Number.isInteger(id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are fresh copies on every call', () => {
    const first = seedClients();
    (first[0] as SandboxClient)['firstName'] = 'Changed';
    expect(seedClients()[0]?.['firstName']).not.toBe('Changed');
  });

  it.each<[string, number, Record<string, unknown>, Record<string, unknown>]>([
    [
      'Hans Müller',
      HANS_MUELLER_ID,
      { contactType: 1, firstName: 'Hans', lastName: 'Müller', phone: HANS_MUELLER_PHONE },
      { city: 'Zürich' },
    ],
    [
      'Anna Müller',
      ANNA_MUELLER_ID,
      { firstName: 'Anna', lastName: 'Müller' },
      { city: 'Zürich', street: 'Seestrasse' },
    ],
    ['Peter Mueller', PETER_MUELLER_ID, { firstName: 'Peter', lastName: 'Mueller' }, { city: 'Basel' }],
    ['a Müller in Bern', RUTH_MUELLER_BERN_ID, { lastName: 'Müller' }, { city: 'Bern' }],
    ['Beat Meier', BEAT_MEIER_ID, { firstName: 'Beat', lastName: 'Meier' }, {}],
    [
      'Claudia Meyer on Bahnhofstraße 12',
      CLAUDIA_MEYER_ID,
      { firstName: 'Claudia', lastName: 'Meyer' },
      { street: 'Bahnhofstraße', number: '12' },
    ],
    ['Urs Schmid', URS_SCHMID_ID, { firstName: 'Urs', lastName: 'Schmid' }, {}],
    ['Reto Schmidt', RETO_SCHMIDT_ID, { firstName: 'Reto', lastName: 'Schmidt' }, {}],
    ['Lukas Brunner', LUKAS_BRUNNER_ID, { firstName: 'Lukas', lastName: 'Brunner' }, { number: '14a' }],
    ['Sandra Gasser', SANDRA_GASSER_ID, { firstName: 'Sandra', lastName: 'Gasser' }, {}],
    ['one digit off Hans', ONE_DIGIT_OFF_ID, { phone: ONE_DIGIT_OFF_PHONE }, {}],
    [
      'Acme Bau AG',
      ACME_BAU_ID,
      { contactType: 2, companyName: 'Acme Bau AG', email: ACME_BAU_EMAIL, website: 'www.acme-bau.ch' },
      {},
    ],
    [
      'the Acme Projektleiter',
      ACME_CONTACT_ID,
      { contactType: 1, companyName: 'Acme Bau AG', position: 'Projektleiter', email: ACME_CONTACT_EMAIL },
      {},
    ],
    ['a German contact', GERMAN_CONTACT_ID, { phone: expect.stringMatching(/^\+49 30 /) as unknown }, { country: 276 }],
    [
      'Zoë Favre',
      ZOE_FAVRE_ID,
      { firstName: 'Zoë', lastName: 'Favre' },
      { city: 'Genève', street: expect.stringMatching(/^Rue de /) as unknown },
    ],
    ['François Dupont', FRANCOIS_DUPONT_ID, { firstName: 'François', lastName: 'Dupont' }, { city: 'Lausanne' }],
    [
      'a Lugano company',
      LUGANO_COMPANY_ID,
      { contactType: 2 },
      { city: 'Lugano', street: expect.stringMatching(/^Via /) as unknown },
    ],
    ['Gian Caduff', GIAN_CADUFF_ID, { firstName: 'Gian', lastName: 'Caduff' }, { city: 'Chur' }],
    ['someone in Biel/Bienne', BIEL_PERSON_ID, {}, { city: 'Biel/Bienne' }],
  ])('include %s', (_name, id, fields, address) => {
    const client = byId(id);
    expect(client).toMatchObject(fields);
    expect(addressOf(client)).toMatchObject(address);
  });

  it('include the edge cases: no address, empty strings, missing keys', () => {
    expect(byId(NULL_ADDRESS_ID)['contactAddress']).toBeNull();
    expect(byId(EMPTY_STRINGS_ID)['email']).toBe('');
    expect(Object.keys(byId(MISSING_KEYS_ID)).sort()).toEqual(['contactType', 'firstName', 'id', 'lastName']);
  });

  it('show every phone format the field sees', () => {
    const phones = seeds
      .flatMap((client) => [client['phone'], client['mobile']])
      .filter((phone): phone is string => typeof phone === 'string');
    for (const pattern of [
      /^\+41 \d\d \d{3} \d\d \d\d$/,
      /^0\d\d \d{3} \d\d \d\d$/,
      /^0041 /,
      /^\+41 \(0\)/,
      /^0\d\d\/\d{3}\.\d\d\.\d\d$/,
      /^07\d-\d{3}-\d\d-\d\d$/,
      /^\+49 /,
    ]) {
      expect(phones.some((phone) => pattern.test(phone))).toBe(true);
    }
  });

  it('belong to the demo account', () => {
    expect(demoAccount()).toEqual({ emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD, clients: seedClients() });
    expect([DEMO_EMAIL, DEMO_PASSWORD]).toEqual(['demo@jobdesk.example', 'demo-password-123']);
  });
});

describe('generated clients', () => {
  const sample = generateClients(3_000, 11);

  it('are the same for the same seed and differ for another', () => {
    expect(generateClients(3_000, 11)).toEqual(sample);
    expect(generateClients(50, 12)).not.toEqual(sample.slice(0, 50));
    expect(generateClients(50)).toEqual(generateClients(50, 1));
  });

  it('number 1..count, and a shorter run is a prefix of a longer one', () => {
    expect(sample.map((client) => client.id)).toEqual(Array.from({ length: 3_000 }, (_, index) => index + 1));
    expect(generateClients(100, 11)).toEqual(sample.slice(0, 100));
    expect(generateClients(0)).toEqual([]);
    expect(() => generateClients(-1)).toThrow(RangeError);
  });

  it('average 500 to 650 bytes of JSON per record', () => {
    const bytesPerRecord = Buffer.byteLength(JSON.stringify(sample)) / sample.length;
    expect(bytesPerRecord).toBeGreaterThan(500);
    expect(bytesPerRecord).toBeLessThan(650);
  });

  it('mix people and companies from all four language regions, with the mess real data has', () => {
    const share = (predicate: (client: SandboxClient) => boolean): number =>
      sample.filter(predicate).length / sample.length;
    expect(share((client) => client['contactType'] === 2)).toBeGreaterThan(0.2);
    expect(share((client) => client['contactType'] === 1)).toBeGreaterThan(0.6);
    for (const language of ['de', 'fr', 'it', 'rm'])
      expect(share((client) => client['language'] === language)).toBeGreaterThan(0.02);
    expect(
      share((client) => /[äöüéèàç]/i.test(`${String(client['firstName'])} ${String(client['lastName'])}`)),
    ).toBeGreaterThan(0.1);
    expect(share((client) => / (AG|GmbH|SA|Sàrl|Sagl)$/.test(String(client['companyName'])))).toBeGreaterThan(0.2);
    expect(share((client) => client['phone'] === null)).toBeGreaterThan(0.05);
    expect(share((client) => client['contactAddress'] === null)).toBeGreaterThan(0.01);
    expect(share((client) => client['email'] === '')).toBeGreaterThan(0.001);
    expect(share((client) => !('phone' in client))).toBeGreaterThan(0.001);
    const formats = new Set(
      sample
        .map((client) => String(client['phone']).replace(/\d/g, '9'))
        .filter((format) => format !== 'null' && format !== ''),
    );
    expect(formats.size).toBeGreaterThanOrEqual(10);
  });
});
