/**
 * Collects which client fields hold which keys (word forms, hosts), then freezes them into
 * {@link PostingLists}. A posting is one client's field packed as `clientId * FIELD_SLOTS + fieldId`; pairs go into
 * flat typed arrays because a hundred thousand clients make millions of them, too many for one array per key.
 */
export class PostingsBuilder {
  private readonly idsByKey = new Map<string, number>();
  private readonly keys: string[] = [];
  private lastPostingOfKey = new Int32Array(1024).fill(-1);
  private keyIds = new Int32Array(4096);
  private postings = new Int32Array(4096);
  private count = 0;

  /** A number standing for `key` in {@link add}; looking a key up once and reusing its id keeps indexing fast. */
  keyId(key: string): number {
    const known = this.idsByKey.get(key);
    if (known !== undefined) return known;
    const id = this.keys.length;
    this.idsByKey.set(key, id);
    this.keys.push(key);
    if (id === this.lastPostingOfKey.length) {
      const grown = new Int32Array(id * 2).fill(-1);
      grown.set(this.lastPostingOfKey);
      this.lastPostingOfKey = grown;
    }
    return id;
  }

  add(keyId: number, posting: number): void {
    // Clients are added in order, so a field repeating a word repeats the last posting of that key; keep it once.
    if (this.lastPostingOfKey[keyId] === posting) return;
    this.lastPostingOfKey[keyId] = posting;
    if (this.count === this.postings.length) {
      this.keyIds = grow(this.keyIds);
      this.postings = grow(this.postings);
    }
    this.keyIds[this.count] = keyId;
    this.postings[this.count] = posting;
    this.count++;
  }

  freeze(): PostingLists {
    // The native sort compares strings by code unit; a comparator indexing into `keys` is several times slower.
    const sortedKeys = this.keys.slice().sort();
    const rankOfId = new Int32Array(sortedKeys.length);
    sortedKeys.forEach((key, rank) => (rankOfId[this.idsByKey.get(key) ?? 0] = rank));
    const starts = new Int32Array(sortedKeys.length + 1);
    for (let i = 0; i < this.count; i++) {
      const slot = (rankOfId[this.keyIds[i] ?? 0] ?? 0) + 1;
      starts[slot] = (starts[slot] ?? 0) + 1;
    }
    for (let rank = 0; rank < sortedKeys.length; rank++)
      starts[rank + 1] = (starts[rank + 1] ?? 0) + (starts[rank] ?? 0);
    const next = starts.slice(0, sortedKeys.length);
    const postings = new Int32Array(this.count);
    // Pairs arrive in client order, so each key's postings come out ascending.
    for (let i = 0; i < this.count; i++) {
      const rank = rankOfId[this.keyIds[i] ?? 0] ?? 0;
      postings[next[rank] ?? 0] = this.postings[i] ?? 0;
      next[rank] = (next[rank] ?? 0) + 1;
    }
    return new PostingLists(sortedKeys, starts, postings);
  }
}

/** Keys in code-unit order, so the keys starting with a prefix sit side by side; key `rank` owns `postings[starts[rank]…starts[rank + 1])`. */
export class PostingLists {
  constructor(
    readonly keys: readonly string[],
    readonly starts: Int32Array,
    readonly postings: Int32Array,
  ) {}

  /** The ranks of the keys that start with `prefix`, as [first, end). */
  prefixRange(prefix: string): [number, number] {
    return prefixRange(this.keys, prefix);
  }

  /** The rank of `key`, or -1. */
  rankOf(key: string): number {
    const rank = lowerBound(this.keys, key);
    return this.keys[rank] === key ? rank : -1;
  }
}

/** The range of sorted `keys` that start with `prefix`, as [first, end). */
export function prefixRange(keys: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(keys, prefix);
  let end = start;
  while (end < keys.length && (keys[end] ?? '').startsWith(prefix)) end++;
  return [start, end];
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

function grow(values: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(values.length * 2);
  grown.set(values);
  return grown;
}
