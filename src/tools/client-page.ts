import { type JobdeskClientEntry, type JobdeskClientRecord, toClientRecord } from '../jobdesk/answers.js';

/** One page of search results: the structured content, and the same as JSON for the text block. */
export interface ClientPage {
  structuredContent: {
    total: number;
    offset: number;
    limit: number;
    nextOffset: number | null;
    clients: JobdeskClientRecord[];
  };
  /** Byte for byte `JSON.stringify(structuredContent)`. */
  json: string;
}

interface ShownClient {
  record: JobdeskClientRecord;
  json: string;
}

/**
 * Pages of search results. A client is compacted and serialized the first time it is shown and reused after, so a
 * warm search joins strings instead of stringifying objects; the cache is keyed by the fetched entry, so it is let
 * go together with the list it belongs to.
 */
export function createPageWriter(): (
  matches: readonly JobdeskClientEntry[],
  offset: number,
  limit: number,
) => ClientPage {
  const shown = new WeakMap<JobdeskClientEntry, ShownClient>();
  const show = (entry: JobdeskClientEntry): ShownClient => {
    let client = shown.get(entry);
    if (client === undefined) {
      // Entries are objects, so toClientRecord always gives a record.
      const record = toClientRecord(entry) ?? {};
      client = { record, json: JSON.stringify(record) };
      shown.set(entry, client);
    }
    return client;
  };
  return (matches, offset, limit) => {
    const page = matches.slice(offset, offset + limit).map(show);
    const end = offset + page.length;
    const nextOffset = end < matches.length ? end : null;
    const structuredContent = {
      total: matches.length,
      offset,
      limit,
      nextOffset,
      clients: page.map((client) => client.record),
    };
    // The same keys in the same order as structuredContent, so the two serializations are identical.
    const json = `{"total":${matches.length},"offset":${offset},"limit":${limit},"nextOffset":${nextOffset},"clients":[${page
      .map((client) => client.json)
      .join(',')}]}`;
    return { structuredContent, json };
  };
}
