import { EMAIL_FIELD, FIELDS, WEBSITE_FIELD, readContactType, readField } from './client-fields.js';
import type { SearchableClient } from './client-fields.js';
import { isWithinOneEdit } from './edit-distance.js';
import { hasDigit, wordsOf } from './fold.js';
import type { WordForms } from './fold.js';
import { parseCriteria } from './parse-criteria.js';
import type { ClientSearchCriteria } from './parse-criteria.js';
import { normalizePhoneNumber } from './phone-number.js';
import { MIN_TYPO_LENGTH, forgivesTypo, scoreOf } from './term.js';
import type { MatchKind, Term } from './term.js';
import { emailAddressesOf, hostOfEmailAddress, hostOfWebsite } from './web-address.js';

export interface ClientIndex<T extends SearchableClient> {
  readonly size: number;
  /** All matching clients, best first, stable among ties (original list order). */
  search(criteria: ClientSearchCriteria): T[];
}

/**
 * Indexes a client list once so each search touches only the clients its terms point at. The list is copied:
 * changing the caller's array afterwards does not change what the index returns.
 */
export function buildClientIndex<T extends SearchableClient>(clients: readonly T[]): ClientIndex<T> {
  return new IndexedClients(clients.slice());
}

// A posting is one client's field holding a key, packed as clientId * 32 + fieldId into one small integer.
const FIELD_SLOTS = 32;
const FIELD_OF_POSTING = FIELD_SLOTS - 1;

// Sort keys pack "score descending, then list position" into one float so a typed array sorts them natively.
// Scores stay below 4096 (at most 8 criteria × 32 terms × 6 points) and positions below 2^27.
const SCORE_CEILING = 4096;
const POSITION_SLOTS = 2 ** 27;

class IndexedClients<T extends SearchableClient> implements ClientIndex<T> {
  readonly size: number;
  private readonly words: SortedPostings;
  /** Positions in `words.keys` of the forms that may match a term one typo away, sorted by their reversed spelling. */
  private readonly typoFormsBackwards: readonly string[];
  private readonly typoFormIds: readonly number[];
  private readonly phones: SortedPostings;
  /** Every distinct phone number, newline-separated, so one native indexOf finds a fragment in all of them. */
  private readonly phoneHaystack: string;
  private readonly phoneOffsets: readonly number[];
  private readonly emails: SortedPostings;
  private readonly hosts: ReadonlyMap<string, readonly number[]>;
  private readonly contactTypes: readonly (number | null)[];
  private readonly byContactType: ReadonlyMap<number, readonly number[]>;

  constructor(private readonly clients: readonly T[]) {
    if (clients.length >= POSITION_SLOTS) throw new RangeError(`Cannot index ${clients.length} clients; the limit is ${POSITION_SLOTS - 1}`);
    this.size = clients.length;
    const words = new Postings();
    const phones = new Postings();
    const emails = new Postings();
    const hosts = new Postings();
    const contactTypes: (number | null)[] = [];
    const byContactType = new Map<number, number[]>();
    // Cities, salutations and first names repeat across thousands of clients; fold each distinct text once.
    const wordsOfText = new Map<string, WordForms[]>();

    clients.forEach((client, id) => {
      for (let field = 0; field < FIELDS.length; field++) {
        const text = readField(client, field);
        if (text === null) continue;
        const posting = id * FIELD_SLOTS + field;
        if (FIELDS[field]?.kind === 'phone') {
          const number = normalizePhoneNumber(text);
          if (number !== '') phones.add(number, posting);
          continue;
        }
        let textWords = wordsOfText.get(text);
        if (textWords === undefined) {
          textWords = wordsOf(text);
          wordsOfText.set(text, textWords);
        }
        for (const forms of textWords) for (const form of forms) words.add(form, posting);
        if (field === EMAIL_FIELD) {
          for (const address of emailAddressesOf(text)) {
            emails.add(address, posting);
            addHostAndParents(hosts, hostOfEmailAddress(address), posting);
          }
        }
        if (field === WEBSITE_FIELD) addHostAndParents(hosts, hostOfWebsite(text), posting);
      }
      const contactType = readContactType(client);
      contactTypes.push(contactType);
      if (contactType !== null) {
        const members = byContactType.get(contactType) ?? [];
        members.push(id);
        byContactType.set(contactType, members);
      }
    });

    this.words = words.sorted();
    const backwards: { spelling: string; id: number }[] = [];
    this.words.keys.forEach((form, id) => {
      if (form.length >= MIN_TYPO_LENGTH - 1 && !hasDigit(form)) backwards.push({ spelling: reversed(form), id });
    });
    backwards.sort((a, b) => (a.spelling < b.spelling ? -1 : a.spelling > b.spelling ? 1 : 0));
    this.typoFormsBackwards = backwards.map((form) => form.spelling);
    this.typoFormIds = backwards.map((form) => form.id);

    this.phones = phones.sorted();
    this.phoneHaystack = this.phones.keys.join('\n');
    const offsets: number[] = [];
    let offset = 0;
    for (const number of this.phones.keys) {
      offsets.push(offset);
      offset += number.length + 1;
    }
    this.phoneOffsets = offsets;
    this.emails = emails.sorted();
    this.hosts = hosts.lists;
    this.contactTypes = contactTypes;
    this.byContactType = byContactType;
  }

  search(criteria: ClientSearchCriteria): T[] {
    const { terms, contactType } = parseCriteria(criteria);
    if (terms.length === 0) {
      if (contactType === null) return this.clients.slice();
      return this.clientsAt(this.byContactType.get(contactType) ?? []);
    }
    const perTerm: Map<number, number>[] = [];
    for (const term of terms) {
      const scores = this.scoresOf(term);
      if (scores.size === 0) return [];
      perTerm.push(scores);
    }
    perTerm.sort((a, b) => a.size - b.size);
    const [narrowest, ...others] = perTerm;
    const keys: number[] = [];
    for (const [id, score] of narrowest ?? []) {
      if (contactType !== null && this.contactTypes[id] !== contactType) continue;
      let total = score;
      for (const scores of others) {
        const more = scores.get(id);
        if (more === undefined) {
          total = -1;
          break;
        }
        total += more;
      }
      if (total >= 0) keys.push((SCORE_CEILING - total) * POSITION_SLOTS + id);
    }
    const order = Float64Array.from(keys).sort();
    return this.clientsAt(Array.from(order, (key) => key % POSITION_SLOTS));
  }

  private clientsAt(ids: readonly number[]): T[] {
    const found: T[] = [];
    for (const id of ids) {
      const client = this.clients[id];
      if (client !== undefined) found.push(client);
    }
    return found;
  }

  /** The best score of every client the term matches, by client id. */
  private scoresOf(term: Term): Map<number, number> {
    const scores = new Map<number, number>();
    const record = (postings: readonly number[], kind: MatchKind): void => {
      for (const posting of postings) {
        const field = posting & FIELD_OF_POSTING;
        if ((term.scope & (1 << field)) === 0) continue;
        const id = (posting - field) / FIELD_SLOTS;
        const score = scoreOf(kind, field);
        const before = scores.get(id);
        if (before === undefined || score > before) scores.set(id, score);
      }
    };
    for (const form of term.words) {
      this.words.forEachWithPrefix(form, (key, postings) => record(postings, key === form ? 'exact' : 'prefix'));
      if (forgivesTypo(form)) this.forEachOneTypoAway(form, (postings) => record(postings, 'typo'));
    }
    if (term.phone !== null) {
      const { digits, from } = term.phone;
      const visit = (number: string, postings: readonly number[]): void => record(postings, number === digits ? 'exact' : 'prefix');
      if (from === 'start') this.phones.forEachWithPrefix(digits, visit);
      else this.forEachPhoneContaining(digits, visit);
    }
    if (term.email !== null) {
      const email = term.email;
      this.emails.forEachWithPrefix(email, (address, postings) => record(postings, address === email ? 'exact' : 'prefix'));
    }
    if (term.domain !== null) record(this.hosts.get(term.domain) ?? [], 'exact');
    return scores;
  }

  /**
   * Visits the postings of every indexed form within one edit of `form`. One edit leaves either the first `head`
   * characters or the last `tail` characters untouched (a swap spans two, hence the `- 1`), so the candidates are
   * the forms sharing that head, found in the sorted keys, plus those sharing that tail, found in the sorted
   * reversed keys; only those are compared in full.
   */
  private forEachOneTypoAway(form: string, visit: (postings: readonly number[]) => void): void {
    const head = form.slice(0, Math.floor((form.length - 1) / 2));
    const tail = reversed(form).slice(0, form.length - head.length - 1);
    const visitIfClose = (id: number): void => {
      const candidate = this.words.keys[id] ?? '';
      if (Math.abs(candidate.length - form.length) <= 1 && !hasDigit(candidate) && isWithinOneEdit(form, candidate)) {
        visit(this.words.lists[id] ?? []);
      }
    };
    const [headStart, headEnd] = this.words.prefixRange(head);
    for (let id = headStart; id < headEnd; id++) visitIfClose(id);
    const [tailStart, tailEnd] = prefixRange(this.typoFormsBackwards, tail);
    for (let position = tailStart; position < tailEnd; position++) {
      const id = this.typoFormIds[position] ?? -1;
      // Forms sharing the head were compared above already.
      if (id < headStart || id >= headEnd) visitIfClose(id);
    }
  }

  private forEachPhoneContaining(digits: string, visit: (number: string, postings: readonly number[]) => void): void {
    let from = 0;
    for (;;) {
      const at = this.phoneHaystack.indexOf(digits, from);
      if (at < 0) return;
      const id = upperBound(this.phoneOffsets, at) - 1;
      visit(this.phones.keys[id] ?? '', this.phones.lists[id] ?? []);
      // A number may contain the fragment twice; one visit is enough.
      from = this.phoneOffsets[id + 1] ?? this.phoneHaystack.length;
    }
  }
}

function addHostAndParents(hosts: Postings, host: string | null, posting: number): void {
  if (host === null) return;
  // "mail.acme.ch" is on "mail.acme.ch" and "acme.ch"; a bare top-level domain is never a search.
  for (let suffix = host; suffix.includes('.'); suffix = suffix.slice(suffix.indexOf('.') + 1)) hosts.add(suffix, posting);
}

function reversed(text: string): string {
  let backwards = '';
  for (let i = text.length - 1; i >= 0; i--) backwards += text[i];
  return backwards;
}

class Postings {
  readonly lists = new Map<string, number[]>();

  add(key: string, posting: number): void {
    const list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, [posting]);
    // A client's field repeating a word yields the same posting twice in a row; once is enough.
    else if (list[list.length - 1] !== posting) list.push(posting);
  }

  sorted(): SortedPostings {
    const keys = [...this.lists.keys()].sort();
    return new SortedPostings(keys, keys.map((key) => this.lists.get(key) ?? []));
  }
}

/** Keys in code-unit order, so all keys starting with a prefix sit side by side. */
class SortedPostings {
  constructor(
    readonly keys: readonly string[],
    readonly lists: readonly (readonly number[])[],
  ) {}

  prefixRange(prefix: string): [number, number] {
    return prefixRange(this.keys, prefix);
  }

  forEachWithPrefix(prefix: string, visit: (key: string, postings: readonly number[]) => void): void {
    const [start, end] = this.prefixRange(prefix);
    for (let id = start; id < end; id++) visit(this.keys[id] ?? '', this.lists[id] ?? []);
  }
}

/** The range of sorted `keys` that start with `prefix`. */
function prefixRange(keys: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(keys, prefix);
  let end = start;
  while (end < keys.length && (keys[end] ?? '').startsWith(prefix)) end++;
  return [start, end];
}

function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function upperBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
