import { ALL_FIELDS, EMAIL_FIELD, fieldMask } from './client-fields.js';
import { MAX_WORD_LENGTH, wordsOf } from './fold.js';
import { maxNormalizedLength, normalizePhoneNumber } from './phone-number.js';
import type { Term } from './term.js';
import { cleanEmailAddress, domainOfQueryToken } from './web-address.js';

export interface ClientSearchCriteria {
  /** Free text; every term must match somewhere in the client. */
  query?: string | undefined;
  companyName?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  /** Matches phone, mobile, telMobile and fax. */
  phone?: string | undefined;
  /** Matched in contactAddress. */
  city?: string | undefined;
  /** Matched in contactAddress. */
  zip?: string | undefined;
  /** Exact. */
  contactType?: number | undefined;
}

export interface ParsedCriteria {
  readonly terms: readonly Term[];
  readonly contactType: number | null;
}

/**
 * Each criterion is read up to this many characters and this many terms; the rest is ignored. Real queries are a few
 * words, so this only bounds the work a pasted document or a hostile caller can cause.
 */
export const MAX_CRITERION_LENGTH = 4096;
export const MAX_TERMS = 32;

/** A bare number this long is also looked for inside phone numbers; shorter runs are more likely a zip or house number. */
export const MIN_PHONE_FRAGMENT_DIGITS = 6;

// Space-separated bare groups ("123 45 67") are one number only from three groups on: "12 8001" is a house number and a zip.
const MIN_GROUPS_OF_BARE_NUMBER = 3;

const TEXT_FILTERS = ['companyName', 'firstName', 'lastName', 'city', 'zip'] as const;
const PHONE_FIELDS = fieldMask('phone', 'mobile', 'telMobile', 'fax');
const EMAIL_ONLY = 1 << EMAIL_FIELD;

/** Turns criteria into the terms every matching client must satisfy; empty criteria yield no terms. */
export function parseCriteria(given: ClientSearchCriteria): ParsedCriteria {
  // Callers validate their input, but a null slipping through should find everyone rather than throw.
  const criteria: ClientSearchCriteria = typeof given === 'object' && given !== null ? given : {};
  const terms: Term[] = [];
  const query = readCriterion(criteria.query);
  if (query !== null) terms.push(...freeTextTerms(query, ALL_FIELDS));
  for (const key of TEXT_FILTERS) {
    const value = readCriterion(criteria[key]);
    if (value !== null) terms.push(...wordTerms(value, fieldMask(key)));
  }
  const email = readCriterion(criteria.email);
  if (email !== null) terms.push(...freeTextTerms(email, EMAIL_ONLY));
  const phone = readCriterion(criteria.phone);
  if (phone !== null) terms.push(...phoneFilterTerms(phone));
  const contactType = criteria.contactType;
  return {
    terms: withoutRepeats(terms),
    contactType: typeof contactType === 'number' && Number.isFinite(contactType) ? contactType : null,
  };
}

function readCriterion(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.slice(0, MAX_CRITERION_LENGTH);
  return text.trim() === '' ? null : text;
}

function wordTerms(text: string, scope: number): Term[] {
  return wordsOf(text)
    .slice(0, MAX_TERMS)
    .map((forms) => ({ scope, words: forms, phone: null, email: null, domain: null }));
}

const NUMBER_TOKEN = /^\+?[\d()./-]*\d[\d()./-]*$/;
const PLAIN_DIGITS = /^\d+$/;
const TRAILING_PUNCTUATION = /[,;:]+$/;

function freeTextTerms(text: string, scope: number): Term[] {
  const tokens = text.match(/\S+/gu) ?? [];
  const terms: Term[] = [];
  let i = 0;
  while (i < tokens.length && terms.length < MAX_TERMS) {
    const token = tokens[i] ?? '';
    i++;
    if (token.includes('@')) {
      terms.push(...emailTerms(token, scope));
      continue;
    }
    const domain = domainOfQueryToken(token);
    if (domain !== null) {
      terms.push({ scope, words: [], phone: null, email: null, domain });
      continue;
    }
    const number = asNumberToken(token);
    if (number === null) {
      terms.push(...wordsOf(token).map((forms) => wordOrBareNumberTerm(forms, scope)));
      continue;
    }
    if (isWrittenFromStart(number)) {
      // Digit groups written like a phone number are one term, up to the length a real number can have.
      let written = number;
      while (i < tokens.length) {
        const next = asNumberToken(tokens[i] ?? '');
        if (next === null || next.startsWith('+')) break;
        const longer = `${written} ${next}`;
        const normalized = normalizePhoneNumber(longer);
        if (normalized.length > maxNormalizedLength(normalized)) break;
        written = longer;
        i++;
      }
      const digits = normalizePhoneNumber(written).slice(0, MAX_WORD_LENGTH);
      // "+41" or a lone "0" names no number at all; like punctuation, it constrains nothing.
      if (digits !== '') terms.push({ scope, words: [], phone: { digits, from: 'start' }, email: null, domain: null });
      continue;
    }
    const groups = [number];
    while (i < tokens.length) {
      const next = asNumberToken(tokens[i] ?? '');
      if (next === null || isWrittenFromStart(next)) break;
      groups.push(next);
      i++;
    }
    if (groups.length >= MIN_GROUPS_OF_BARE_NUMBER && groups.every((group) => PLAIN_DIGITS.test(group))) {
      terms.push(bareNumberTerm(groups.join(''), scope));
      continue;
    }
    for (const group of groups) {
      const digits = group.replace(/\D/g, '');
      // "123-45-67" is one number, "12-14" a range of house numbers.
      if (PLAIN_DIGITS.test(group) || digits.length >= MIN_PHONE_FRAGMENT_DIGITS)
        terms.push(bareNumberTerm(digits, scope));
      else terms.push(...wordsOf(group).map((forms) => wordOrBareNumberTerm(forms, scope)));
    }
  }
  return terms.slice(0, MAX_TERMS);
}

function asNumberToken(token: string): string | null {
  const trimmed = token.replace(TRAILING_PUNCTUATION, '');
  return NUMBER_TOKEN.test(trimmed) ? trimmed : null;
}

/** A number written with `+`, `00` or a trunk `0` (`044`, `(0)44`) starts at the start of a phone number. */
function isWrittenFromStart(token: string): boolean {
  return token.startsWith('+') || /^\(*0/.test(token);
}

function wordOrBareNumberTerm(forms: readonly string[], scope: number): Term {
  const [form] = forms;
  if (form !== undefined && PLAIN_DIGITS.test(form)) return bareNumberTerm(form, scope);
  return { scope, words: forms, phone: null, email: null, domain: null };
}

/** A bare run of digits is a word (zip, house number, "3M") and, when long enough, a fragment of a phone number. */
function bareNumberTerm(digits: string, scope: number): Term {
  const word = digits.slice(0, MAX_WORD_LENGTH);
  const phoneDigits = normalizePhoneNumber(word);
  const phone =
    phoneDigits.length >= MIN_PHONE_FRAGMENT_DIGITS ? { digits: phoneDigits, from: 'anywhere' as const } : null;
  return { scope, words: [word], phone, email: null, domain: null };
}

function emailTerms(token: string, scope: number): Term[] {
  // 254 characters is the longest address SMTP allows.
  const address = cleanEmailAddress(token).slice(0, 254);
  if (!/[\p{L}\p{N}]/u.test(address)) return [];
  if (address.startsWith('@')) {
    // "@acme.ch" asks for everyone at that domain.
    const domain = domainOfQueryToken(address.slice(1));
    if (domain !== null) return [{ scope, words: [], phone: null, email: null, domain }];
  }
  return [{ scope, words: [], phone: null, email: address, domain: null }];
}

/**
 * The phone filter holds one number, whatever its spacing. Written from its start (`+`, `00`, `0`) it matches from the
 * start of a client's number; bare digits match anywhere once long enough, else from the start, because the caller
 * has said it is a phone number.
 */
function phoneFilterTerms(text: string): Term[] {
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  const digits = normalizePhoneNumber(text).slice(0, MAX_WORD_LENGTH);
  if (!/\d/.test(text)) return [{ scope: PHONE_FIELDS, words: [], phone: null, email: null, domain: null }];
  if (digits === '') return [];
  const bare = !/^\s*[+(]*\s*0/.test(text) && !/^\s*\+/.test(text);
  const from = bare && digits.length >= MIN_PHONE_FRAGMENT_DIGITS ? 'anywhere' : 'start';
  return [{ scope: PHONE_FIELDS, words: [], phone: { digits, from }, email: null, domain: null }];
}

function withoutRepeats(terms: readonly Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = JSON.stringify(term);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
