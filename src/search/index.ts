/**
 * Client search, pure and in memory. Criteria are ANDed; within the free-text query every term must match somewhere.
 * A term matches a word exactly, as a prefix, or, from 5 letters on, one typo away; case, accents and German
 * spellings (ü = ue, ß = ss) do not matter. Phone numbers compare by their digits, `x@y` terms by email address,
 * `acme.ch` terms by email domain and website host. Results rank exact over prefix over typo, names and company over
 * other fields, then keep list order.
 */
export type { ContactAddress, SearchableClient } from './client-fields.js';
export type { ClientSearchCriteria } from './parse-criteria.js';
export { MAX_CRITERION_LENGTH, MAX_TERMS, MIN_PHONE_FRAGMENT_DIGITS } from './parse-criteria.js';
export { MAX_WORD_LENGTH } from './fold.js';
export { MIN_TYPO_LENGTH } from './term.js';
export { buildClientIndex, buildClientIndexInSteps } from './client-index.js';
export type { ClientIndex } from './client-index.js';
export { matchesClient, searchByScan } from './reference-matcher.js';
