import { type SandboxClient, seededRandom } from '../src/sandbox/index.js';

export type QueryKind = 'name' | 'name + city' | 'prefix' | 'typo' | 'street + zip';

export interface RealisticQuery {
  kind: QueryKind;
  query: string;
}

const KINDS: readonly QueryKind[] = ['name', 'name + city', 'prefix', 'typo', 'street + zip'];

/**
 * `count` different queries a person would type, drawn from the list itself with a fixed seed, in equal parts:
 * last names (half of them typed the German way without umlauts), a name and a city, the first letters of a name
 * or company, a name of five or more letters with one typo, and a street with its zip code.
 */
export function realisticQueries(clients: readonly SandboxClient[], count: number, seed = 7): RealisticQuery[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const queries: RealisticQuery[] = [];
  const perKind = Math.ceil(count / KINDS.length);
  for (const kind of KINDS) {
    let made = 0;
    // Bounded: a small or odd list may not yield enough different queries of a kind.
    for (let attempt = 0; attempt < perKind * 50 && made < perKind && queries.length < count; attempt++) {
      const client = clients[Math.floor(random() * clients.length)];
      const query = client === undefined ? null : queryOf(kind, client, random);
      if (query === null || seen.has(query)) continue;
      seen.add(query);
      queries.push({ kind, query });
      made++;
    }
  }
  return queries;
}

function queryOf(kind: QueryKind, client: SandboxClient, random: () => number): string | null {
  const lastName = text(client['lastName'])?.split('-')[0] ?? null;
  const company = text(client['companyName']);
  const address = client['contactAddress'] as Record<string, unknown> | null | undefined;
  const city = text(address?.['city']);
  const street = text(address?.['street']);
  const zip = text(address?.['zip']);
  switch (kind) {
    case 'name':
      if (lastName === null) return null;
      return random() < 0.5 ? lastName : germanAscii(lastName);
    case 'name + city':
      return lastName === null || city === null ? null : `${lastName} ${random() < 0.5 ? city : germanAscii(city)}`;
    case 'prefix': {
      const word = (random() < 0.7 ? lastName : company?.split(' ')[0]) ?? null;
      if (word === null || word.length < 4) return null;
      return word.slice(0, 3 + Math.floor(random() * 2));
    }
    case 'typo': {
      if (lastName === null) return null;
      const plain = germanAscii(lastName);
      if (plain.length < 5 || !/^[a-z]+$/.test(plain)) return null;
      return oneTypo(plain, random);
    }
    case 'street + zip':
      return street === null || zip === null ? null : `${street} ${zip}`;
  }
}

/** One wrong, missing, extra or swapped letter, away from the first letter. */
function oneTypo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = 'aeinrstlu'[Math.floor(random() * 9)] ?? 'e';
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + letter + word.slice(at);
    default:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  }
}

function germanAscii(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
