import { EMAIL_FIELD, FIELDS, WEBSITE_FIELD, readContactType, readFields } from './client-fields.js';
import type { SearchableClient } from './client-fields.js';
import { osaDistance } from './edit-distance.js';
import { hasDigit, wordsOf } from './fold.js';
import type { WordForms } from './fold.js';
import { parseCriteria } from './parse-criteria.js';
import type { ClientSearchCriteria, ParsedCriteria } from './parse-criteria.js';
import { normalizePhoneNumber } from './phone-number.js';
import { forgivesTypo, scoreOf } from './term.js';
import type { MatchKind, Term } from './term.js';
import { emailAddressesOf, hostOfEmailAddress, hostOfWebsite, isOnDomain } from './web-address.js';

// The index must agree with this file on every client and query. It compares every term with every field of every
// client, written to be obviously right rather than fast; it is the oracle of the tests and the baseline of the bench.

/** Whether one client satisfies the criteria, checked field by field without an index. */
export function matchesClient(client: SearchableClient, criteria: ClientSearchCriteria): boolean {
  return scoreClient(describeClient(client), parseCriteria(criteria)) !== null;
}

/** All matching clients, best first, in list order among equals: what the index must return, found by scanning. */
export function searchByScan<T extends SearchableClient>(clients: readonly T[], criteria: ClientSearchCriteria): T[] {
  return createScanner(clients)(criteria);
}

/** {@link searchByScan} with each client's fields read once, for running many queries over one list. */
export function createScanner<T extends SearchableClient>(
  clients: readonly T[],
): (criteria: ClientSearchCriteria) => T[] {
  const described = clients.map((client) => ({ client, view: describeClient(client) }));
  return (criteria) => {
    const parsed = parseCriteria(criteria);
    return described
      .map(({ client, view }, position) => ({ client, position, score: scoreClient(view, parsed) }))
      .filter((hit): hit is { client: T; position: number; score: number } => hit.score !== null)
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .map((hit) => hit.client);
  };
}

/** A client's searchable fields, read and folded. */
interface ClientView {
  readonly contactType: number | null;
  readonly fields: readonly FieldView[];
}

interface FieldView {
  readonly id: number;
  readonly words: readonly WordForms[];
  /** Normalized; empty unless a phone field. */
  readonly phoneNumber: string;
  readonly emailAddresses: readonly string[];
  readonly hosts: readonly string[];
}

function describeClient(client: unknown): ClientView {
  const fields: FieldView[] = [];
  const texts = readFields(client);
  FIELDS.forEach((field, id) => {
    const text = texts[id] ?? null;
    if (text === null) return;
    if (field.kind === 'phone') {
      fields.push({ id, words: [], phoneNumber: normalizePhoneNumber(text), emailAddresses: [], hosts: [] });
      return;
    }
    const emailAddresses = id === EMAIL_FIELD ? emailAddressesOf(text) : [];
    const hosts = id === WEBSITE_FIELD ? [hostOfWebsite(text)] : emailAddresses.map(hostOfEmailAddress);
    fields.push({
      id,
      words: wordsOf(text),
      phoneNumber: '',
      emailAddresses,
      hosts: hosts.filter((host): host is string => host !== null),
    });
  });
  return { contactType: readContactType(client), fields };
}

/** The client's rank score under parsed criteria, or null when it does not match. */
function scoreClient(view: ClientView, criteria: ParsedCriteria): number | null {
  if (criteria.contactType !== null && view.contactType !== criteria.contactType) return null;
  let total = 0;
  for (const term of criteria.terms) {
    let best = 0;
    for (const field of view.fields) {
      if ((term.scope & (1 << field.id)) === 0) continue;
      const kind = bestMatchIn(field, term);
      if (kind !== null) best = Math.max(best, scoreOf(kind, field.id));
    }
    if (best === 0) return null;
    total += best;
  }
  return total;
}

function bestMatchIn(field: FieldView, term: Term): MatchKind | null {
  const kinds: MatchKind[] = [];
  for (const termForm of term.words) {
    const typos = forgivesTypo(termForm);
    for (const wordForms of field.words) {
      for (const wordForm of wordForms) {
        if (wordForm === termForm) return 'exact';
        if (wordForm.startsWith(termForm)) kinds.push('prefix');
        else if (
          typos &&
          closeInLength(termForm, wordForm) &&
          !hasDigit(wordForm) &&
          osaDistance(termForm, wordForm) <= 1
        )
          kinds.push('typo');
      }
    }
  }
  const { email, domain, phone } = term;
  for (const address of field.emailAddresses) {
    if (address === email) return 'exact';
    if (email !== null && address.startsWith(email)) kinds.push('prefix');
  }
  for (const host of field.hosts) {
    if (domain !== null && isOnDomain(host, domain)) return 'exact';
  }
  if (phone !== null && field.phoneNumber !== '') {
    if (field.phoneNumber === phone.digits) return 'exact';
    if (phone.from === 'start' ? field.phoneNumber.startsWith(phone.digits) : field.phoneNumber.includes(phone.digits))
      kinds.push('prefix');
  }
  return kinds.includes('prefix') ? 'prefix' : kinds.includes('typo') ? 'typo' : null;
}

/** One edit changes the length by at most one; checking that first keeps the scan usable on thousands of clients. */
function closeInLength(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 1;
}
