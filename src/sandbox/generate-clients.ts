import type { SandboxClient } from './sandbox-options.js';
import { seededRandom } from './seeded-random.js';
import {
  ABROAD,
  COUNTRY_SWITZERLAND,
  EMAIL_PROVIDERS,
  POOLS,
  TAGS,
  type Abroad,
  type Language,
  type LanguagePools,
  type Place,
} from './swiss-directory.js';

type Random = () => number;

const DEFAULT_SEED = 1;

/**
 * Generates `count` realistic Swiss client records with ids 1..count. The same seed always
 * yields the same records, so benchmarks and tests can be rerun byte for byte. Records
 * average roughly 550 bytes as JSON.
 */
export function generateClients(count: number, seed: number = DEFAULT_SEED): SandboxClient[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const clients: SandboxClient[] = new Array<SandboxClient>(count);
  const iterator = iterateClients(seed);
  for (let index = 0; index < count; index++) {
    clients[index] = iterator.next().value;
  }
  return clients;
}

/**
 * An endless stream of generated clients, for answers too large to build in memory at once.
 * Its first `n` records equal `generateClients(n, seed)`.
 */
export function* iterateClients(seed: number = DEFAULT_SEED): Generator<SandboxClient, never, undefined> {
  const random = seededRandom(seed);
  for (let id = 1; ; id++) {
    yield makeClient(random, id);
  }
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('cannot pick from an empty pool');
  return item;
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pickLanguage(random: Random): Language {
  const roll = random();
  if (roll < 0.62) return 'de';
  if (roll < 0.86) return 'fr';
  if (roll < 0.95) return 'it';
  return 'rm';
}

// How people actually type Swiss numbers into a CRM, weighted towards the common ones.
const SWISS_FORMATS: readonly ((area: string, s: string) => string)[] = [
  (a, s) => `+41 ${a} ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`,
  (a, s) => `+41 ${a} ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`,
  (a, s) => `0${a} ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`,
  (a, s) => `0${a} ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`,
  (a, s) => `0041 ${a} ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`,
  (a, s) => `+41 (0)${a} ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`,
  (a, s) => `0${a}/${s.slice(0, 3)}.${s.slice(3, 5)}.${s.slice(5)}`,
  (a, s) => `0${a}-${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`,
  (a, s) => `+41${a}${s}`,
  (a, s) => `0${a}${s}`,
  (a, s) => `0${a} ${s}`,
  (a, s) => `+41 ${a} ${s.slice(0, 3)}${s.slice(3)}`,
];

const MOBILE_AREAS = ['75', '76', '77', '78', '78', '79', '79', '79'] as const;

function subscriber(random: Random): string {
  return String(between(random, 1_000_000, 9_999_999));
}

function swissPhone(random: Random, area: string): string {
  return pick(random, SWISS_FORMATS)(area, subscriber(random));
}

function phoneFor(random: Random, area: string, abroad: Abroad | undefined): string {
  return abroad === undefined ? swissPhone(random, area) : abroad.phone(subscriber(random));
}

// Pools are finite, so each name is slugged once; normalize() is the slowest step per record.
const slugCache = new Map<string, string>();

/** Lowercase ASCII as people write names into email addresses and domains. */
function asciiSlug(text: string): string {
  const cached = slugCache.get(text);
  if (cached !== undefined) return cached;
  const slug = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  slugCache.set(text, slug);
  return slug;
}

function personalEmail(random: Random, first: string, last: string): string {
  const f = asciiSlug(first);
  const l = asciiSlug(last);
  const provider = pick(random, EMAIL_PROVIDERS);
  const form = between(random, 0, 5);
  if (form === 0) return `${f.charAt(0)}.${l}@${provider}`;
  if (form === 1) return `${f}${l}@${provider}`;
  if (form === 2) return `${l}.${f}@${provider}`;
  if (form === 3) return `${f}_${l}${between(random, 1, 99)}@${provider}`;
  return `${f}.${l}@${provider}`;
}

function website(random: Random, domain: string): string {
  const form = between(random, 0, 5);
  if (form === 0) return `https://www.${domain}`;
  if (form === 1) return `https://${domain}/`;
  if (form === 2) return `http://www.${domain}`;
  if (form === 3) return domain;
  return `www.${domain}`;
}

interface CompanyName {
  name: string;
  domain: string;
}

function companyName(random: Random, pools: LanguagePools): CompanyName {
  const base = pick(random, pools.companyTemplates)
    .replace('{n}', pick(random, pools.lastNames))
    .replace('{m}', pick(random, pools.lastNames));
  const suffix = pick(random, pools.companySuffixes);
  return { name: suffix === '' ? base : `${base} ${suffix}`, domain: `${asciiSlug(base)}.ch` };
}

function address(
  random: Random,
  pools: LanguagePools,
  place: Place,
  abroad: Abroad | undefined,
): Record<string, unknown> | null {
  if (random() < 0.03) return null;
  const number =
    random() < 0.92 ? `${between(random, 1, 180)}${random() < 0.12 ? pick(random, ['a', 'b', 'c']) : ''}` : null;
  return {
    street: abroad?.street ?? pick(random, pools.streets),
    number,
    poBox: random() < 0.06 ? `${pools.poBoxLabel} ${between(random, 1, 9999)}` : null,
    city: place.city,
    zip: place.zip,
    state: random() < 0.8 && place.canton !== '' ? place.canton : null,
    country: abroad?.country ?? COUNTRY_SWITZERLAND,
    type: 0,
  };
}

const two = (value: number): string => (value < 10 ? `0${value}` : String(value));

// Built from parts because Date#toISOString dominated generation time. ASP.NET serializes
// DateTime without a zone when Kind is Unspecified; keep that habit.
function aspNetDate(year: number, month: number, day: number, random: Random): string {
  return `${year}-${two(month)}-${two(day)}T${two(between(random, 6, 19))}:${two(between(random, 0, 59))}:${two(between(random, 0, 59))}`;
}

interface Bookkeeping {
  customerNumber: string;
  createdAt: string;
  modifiedAt: string | null;
  tags: string[];
  language: Language;
  isArchived: boolean;
  notes: string | null;
}

// Undocumented fields the real API is likely to send too; clients must ignore them gracefully.
function bookkeeping(random: Random, id: number, language: Language): Bookkeeping {
  const createdYear = between(random, 2012, 2024);
  return {
    customerNumber: `K-${String(10_000 + id)}`,
    createdAt: aspNetDate(createdYear, between(random, 1, 12), between(random, 1, 28), random),
    modifiedAt:
      random() < 0.6
        ? aspNetDate(between(random, createdYear + 1, 2025), between(random, 1, 12), between(random, 1, 28), random)
        : null,
    tags: Array.from({ length: between(random, 0, 3) }, () => pick(random, TAGS)),
    language,
    isArchived: random() < 0.04,
    notes: random() < 0.12 ? pick(random, NOTES) : null,
  };
}

function makeClient(random: Random, id: number): SandboxClient {
  const language = pickLanguage(random);
  const pools = POOLS[language];
  const abroad = random() < 0.02 ? pick(random, ABROAD) : undefined;
  const place = abroad?.place ?? pick(random, pools.places);
  const extra = bookkeeping(random, id, language);
  // Every record is built by one literal in one key order, so V8 shares a single shape for
  // all of them and JSON.stringify of 100k records stays fast.
  const record: SandboxClient =
    random() < 0.3
      ? makeCompany(random, id, language, pools, place, abroad, extra)
      : makePerson(random, id, pools, place, abroad, extra);

  const oddity = random();
  if (oddity < 0.02) blankOut(record);
  else if (oddity < 0.04) dropOptionalKeys(record);
  return record;
}

function makeCompany(
  random: Random,
  id: number,
  language: Language,
  pools: LanguagePools,
  place: Place,
  abroad: Abroad | undefined,
  extra: Bookkeeping,
): SandboxClient {
  const company = companyName(random, pools);
  const hasContact = random() < 0.25;
  const mailbox =
    language === 'de'
      ? pick(random, ['info', 'info', 'kontakt', 'office', 'mail'])
      : language === 'fr'
        ? pick(random, ['info', 'contact'])
        : 'info';
  return {
    id,
    contactType: 2,
    companyName: company.name,
    firstName: hasContact ? pick(random, random() < 0.5 ? pools.maleFirstNames : pools.femaleFirstNames) : null,
    lastName: hasContact ? pick(random, pools.lastNames) : null,
    salutation: random() < 0.1 ? 'Firma' : null,
    website: random() < 0.75 ? website(random, company.domain) : null,
    position: null,
    phone: random() < 0.9 ? phoneFor(random, place.area, abroad) : null,
    mobile: random() < 0.15 ? phoneFor(random, pick(random, MOBILE_AREAS), abroad) : null,
    email: random() < 0.85 ? `${mailbox}@${company.domain}` : null,
    department: null,
    gender: random() < 0.5 ? 0 : null,
    telMobile: null,
    fax: random() < 0.3 ? phoneFor(random, place.area, abroad) : null,
    contactAddress: address(random, pools, place, abroad),
    ...extra,
  };
}

function makePerson(
  random: Random,
  id: number,
  pools: LanguagePools,
  place: Place,
  abroad: Abroad | undefined,
  extra: Bookkeeping,
): SandboxClient {
  const genderRoll = random();
  const gender = genderRoll < 0.48 ? 1 : genderRoll < 0.96 ? 2 : 0;
  const firstName = pick(
    random,
    gender === 1 || (gender === 0 && random() < 0.5) ? pools.maleFirstNames : pools.femaleFirstNames,
  );
  const lastName =
    random() < 0.03
      ? `${pick(random, pools.lastNames)}-${pick(random, pools.lastNames)}`
      : pick(random, pools.lastNames);
  const employed = random() < 0.15;
  const mobileArea = pick(random, MOBILE_AREAS);
  const mobileDigits = subscriber(random);
  const hasMobile = random() < 0.7;
  return {
    id,
    contactType: 1,
    companyName: employed ? companyName(random, pools).name : null,
    firstName,
    lastName,
    salutation:
      gender !== 0 && random() < 0.88 ? (gender === 1 ? pools.salutations.male : pools.salutations.female) : null,
    website: random() < 0.04 ? website(random, `${asciiSlug(lastName)}-${asciiSlug(firstName)}.ch`) : null,
    position: employed ? pick(random, pools.positions) : null,
    phone: random() < 0.75 ? phoneFor(random, place.area, abroad) : null,
    mobile: hasMobile
      ? abroad === undefined
        ? pick(random, SWISS_FORMATS)(mobileArea, mobileDigits)
        : abroad.phone(mobileDigits)
      : null,
    email: random() < 0.8 ? personalEmail(random, firstName, lastName) : null,
    department: employed && random() < 0.4 ? pick(random, pools.departments) : null,
    gender,
    // Older imports kept the mobile number twice, in another format.
    telMobile: hasMobile && random() < 0.1 ? `0${mobileArea} ${mobileDigits}` : null,
    fax: random() < 0.03 ? phoneFor(random, place.area, abroad) : null,
    contactAddress: address(random, pools, place, abroad),
    ...extra,
  };
}

const NOTES = [
  'Rechnung per Post, nicht per E-Mail.',
  'Bitte nur vormittags anrufen.',
  'Ne pas appeler le vendredi.',
  'Preferisce essere contattato in italiano.',
  'Offerte Q3 nachfassen.',
  'Zahlt immer pünktlich.',
  'Schlüssel beim Hauswart abholen.',
];

// Some imports wrote empty strings where nothing was known.
function blankOut(record: SandboxClient): void {
  for (const key of [
    'salutation',
    'website',
    'position',
    'phone',
    'mobile',
    'email',
    'department',
    'telMobile',
    'fax',
  ]) {
    if (record[key] === null) record[key] = '';
  }
}

// ASP.NET can be configured to omit nulls; a few records arrive that way.
function dropOptionalKeys(record: SandboxClient): void {
  for (const [key, value] of Object.entries(record)) {
    if (value === null) delete record[key];
  }
}
