export type { ContactAddress, SearchableClient } from './client-fields.js';
export type { ClientSearchCriteria } from './parse-criteria.js';
export { MAX_CRITERION_LENGTH, MAX_TERMS, MIN_PHONE_FRAGMENT_DIGITS } from './parse-criteria.js';
export { MAX_WORD_LENGTH } from './fold.js';
export { MIN_TYPO_LENGTH } from './term.js';
export { buildClientIndex } from './client-index.js';
export type { ClientIndex } from './client-index.js';
export { matchesClient, searchByScan } from './reference-matcher.js';
