// Keys are grouped by this many leading characters: three digits of a phone number leave groups of a few hundred.
const HEAD_LENGTH = 3;

/**
 * Keys that are nearly all distinct (phone numbers, email addresses), each with one posting, found by prefix. Grouping
 * entries by their first characters lets a prefix search scan one small group, and indexing needs neither a map of
 * every key nor a sort, which for 150,000 phone numbers cost a good part of the build.
 */
export class PrefixBuckets {
  readonly keys: string[] = [];
  readonly postings: number[] = [];
  private readonly entriesByHead = new Map<string, number[]>();

  add(key: string, posting: number): void {
    const entry = this.keys.length;
    this.keys.push(key);
    this.postings.push(posting);
    const head = key.slice(0, HEAD_LENGTH);
    const entries = this.entriesByHead.get(head);
    if (entries === undefined) this.entriesByHead.set(head, [entry]);
    else entries.push(entry);
  }

  /** Visits every entry whose key starts with `prefix`. */
  forEachWithPrefix(prefix: string, visit: (entry: number) => void): void {
    const scan = (entries: readonly number[]): void => {
      for (const entry of entries) if ((this.keys[entry] ?? '').startsWith(prefix)) visit(entry);
    };
    if (prefix.length >= HEAD_LENGTH) {
      scan(this.entriesByHead.get(prefix.slice(0, HEAD_LENGTH)) ?? []);
      return;
    }
    for (const [head, entries] of this.entriesByHead) if (head.startsWith(prefix)) scan(entries);
  }
}
