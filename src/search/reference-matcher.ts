import { EMAIL_FIELD, FIELDS, WEBSITE_FIELD, readContactType, readField } from './client-fields.js';
import type { SearchableClient } from './client-fields.js';
import { osaDistance } from './edit-distance.js';
import { hasDigit, wordsOf } from './fold.js';
import { parseCriteria } from './parse-criteria.js';
import type { ClientSearchCriteria, ParsedCriteria } from './parse-criteria.js';
import { normalizePhoneNumber } from './phone-number.js';
import { forgivesTypo, scoreOf } from './term.js';
import type { MatchKind, Term } from './term.js';
import { emailAddressesOf, hostOfEmailAddress, hostOfWebsite, isOnDomain } from './web-address.js';

// The index must agree with this file on every client and query; it is written to be obviously right, not fast.

/** Whether one client satisfies the criteria, checked field by field without an index. */
export function matchesClient(client: SearchableClient, criteria: ClientSearchCriteria): boolean {
  return scoreClient(client, parseCriteria(criteria)) !== null;
}

/** The client's rank score under parsed criteria, or null when it does not match. */
export function scoreClient(client: unknown, criteria: ParsedCriteria): number | null {
  if (criteria.contactType !== null && readContactType(client) !== criteria.contactType) return null;
  let total = 0;
  for (const term of criteria.terms) {
    const best = bestScore(client, term);
    if (best === 0) return null;
    total += best;
  }
  return total;
}

/** All matching clients, best first, in list order among equals: what the index must return, found by scanning. */
export function searchByScan<T extends SearchableClient>(clients: readonly T[], criteria: ClientSearchCriteria): T[] {
  const parsed = parseCriteria(criteria);
  return clients
    .map((client, position) => ({ client, position, score: scoreClient(client, parsed) }))
    .filter((hit): hit is { client: T; position: number; score: number } => hit.score !== null)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map((hit) => hit.client);
}

function bestScore(client: unknown, term: Term): number {
  let best = 0;
  FIELDS.forEach((field, id) => {
    if ((term.scope & (1 << id)) === 0) return;
    const text = readField(client, id);
    if (text === null) return;
    const kinds = field.kind === 'phone' ? phoneMatches(text, term) : textMatches(text, id, term);
    for (const kind of kinds) best = Math.max(best, scoreOf(kind, id));
  });
  return best;
}

function textMatches(text: string, field: number, term: Term): MatchKind[] {
  const kinds: MatchKind[] = [];
  for (const wordForms of wordsOf(text)) {
    for (const termForm of term.words) {
      for (const wordForm of wordForms) {
        if (wordForm === termForm) kinds.push('exact');
        else if (wordForm.startsWith(termForm)) kinds.push('prefix');
        else if (forgivesTypo(termForm) && !hasDigit(wordForm) && osaDistance(termForm, wordForm) <= 1) kinds.push('typo');
      }
    }
  }
  if (field === EMAIL_FIELD) {
    for (const address of emailAddressesOf(text)) {
      if (term.email !== null && address === term.email) kinds.push('exact');
      else if (term.email !== null && address.startsWith(term.email)) kinds.push('prefix');
      const host = hostOfEmailAddress(address);
      if (term.domain !== null && host !== null && isOnDomain(host, term.domain)) kinds.push('exact');
    }
  }
  if (field === WEBSITE_FIELD && term.domain !== null) {
    const host = hostOfWebsite(text);
    if (host !== null && isOnDomain(host, term.domain)) kinds.push('exact');
  }
  return kinds;
}

function phoneMatches(text: string, term: Term): MatchKind[] {
  const number = normalizePhoneNumber(text);
  if (term.phone === null || number === '') return [];
  const { digits, from } = term.phone;
  if (number === digits) return ['exact'];
  const found = from === 'start' ? number.startsWith(digits) : number.includes(digits);
  return found ? ['prefix'] : [];
}
