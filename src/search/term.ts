import { FIELDS } from './client-fields.js';
import { hasDigit } from './fold.js';

/** One thing the user typed that must be found somewhere in a client; a client matches when every term does. */
export interface Term {
  /** Fields the term may match in, as a mask of field ids. */
  readonly scope: number;
  /** Forms compared with the words of text fields, exactly, as a prefix, or within one typo. */
  readonly words: readonly string[];
  readonly phone: PhoneTerm | null;
  /** A typed email address, found exactly or as the start of an address. */
  readonly email: string | null;
  /** A domain, found as the host of an email address or website, subdomains included. */
  readonly domain: string | null;
}

export interface PhoneTerm {
  /** Normalized as {@link normalizePhoneNumber} does. */
  readonly digits: string;
  /** `start` for numbers written with `+`, `00` or a trunk `0`; `anywhere` for a bare run of digits. */
  readonly from: 'start' | 'anywhere';
}

export type MatchKind = 'exact' | 'prefix' | 'typo';

/** Words shorter than this must be spelled right: "meyr" is as likely another name as a typo. */
export const MIN_TYPO_LENGTH = 5;

/** Whether a term form may match a word one edit away. */
export function forgivesTypo(termForm: string): boolean {
  return termForm.length >= MIN_TYPO_LENGTH && !hasDigit(termForm);
}

/**
 * What one term scores in one field. The kind of match dominates, the field breaks the tie, so a prefix match on a
 * name never outranks an exact match anywhere: exact name 6, exact other 5, prefix name 4, prefix other 3, typo name 2,
 * typo other 1. A client scores the sum of its terms' best.
 */
export function scoreOf(kind: MatchKind, field: number): number {
  const base = kind === 'exact' ? 5 : kind === 'prefix' ? 3 : 1;
  return FIELDS[field]?.isName === true ? base + 1 : base;
}
