import { describe, expect, it } from 'vitest';
import { generateClients, seedClients } from '../../src/sandbox/index.js';
import { createPageWriter } from '../../src/tools/client-page.js';
import { shownClient } from '../../src/tools/search-clients.js';

const entries = [
  {
    id: 1,
    firstName: 'Anna',
    lastName: 'Müller',
    phone: null,
    email: '',
    contactAddress: { city: 'Zürich', zip: 8001, poBox: null },
  },
  { id: 2, companyName: 'Acme Bau AG', website: 'acme-bau.ch', tags: [], notes: 'Zahlt "immer" pünktlich.\n' },
  { id: 3, lastName: 'Gasser', contactType: '1', contactAddress: null },
];

describe('pages of search results', () => {
  it.each([
    [0, 2],
    [1, 20],
    [3, 20],
    [10, 5],
  ])('at offset %i, limit %i, holds text that is byte for byte the JSON of the structured content', (offset, limit) => {
    const page = createPageWriter()(entries, offset, limit);
    expect(page.json).toBe(JSON.stringify(page.structuredContent));
  });

  it('counts every match and points at the next page until the last', () => {
    const write = createPageWriter();
    expect(write(entries, 0, 2).structuredContent).toMatchObject({ total: 3, offset: 0, limit: 2, nextOffset: 2 });
    expect(write(entries, 2, 2).structuredContent).toMatchObject({ total: 3, offset: 2, nextOffset: null });
  });

  it('shows clients compacted: no null or empty fields, documented text as text', () => {
    const { clients } = createPageWriter()(entries, 0, 3).structuredContent;
    expect(clients).toEqual([
      { id: 1, firstName: 'Anna', lastName: 'Müller', contactAddress: { city: 'Zürich', zip: '8001' } },
      { id: 2, companyName: 'Acme Bau AG', website: 'acme-bau.ch', notes: 'Zahlt "immer" pünktlich.\n' },
      { id: 3, lastName: 'Gasser', contactType: 1 },
    ]);
  });

  it('leaves the fetched entries as jobdesk sent them', () => {
    const entry = { id: 4, firstName: 'Zoë', phone: null };
    createPageWriter()([entry], 0, 1);
    expect(entry).toEqual({ id: 4, firstName: 'Zoë', phone: null });
  });

  it('compacts a client once and shows the same record on later pages', () => {
    const write = createPageWriter();
    const first = write(entries, 0, 1).structuredContent.clients[0];
    const again = write(entries, 0, 3).structuredContent.clients[0];
    expect(again).toBe(first);
  });

  // The SDK's per-call check sees only objects (see declaredClient in search-clients.ts); this is the check it skips.
  it.each([
    ['the seed clients', seedClients()],
    ['5,000 generated clients', generateClients(5_000, 9)],
    [
      'entries of the wrong types',
      [
        { id: 'x', firstName: { nested: true }, lastName: 42, phone: true, contactType: '2', gender: 'female' },
        { contactAddress: { zip: 8001, city: ['Zürich'], country: '756', type: null }, email: '   ' },
        { contactAddress: 'Bahnhofstrasse 1', website: [], tags: [null, ''], notes: { text: '' } },
      ],
    ],
  ])('shows %s only as records of the declared shape', (_name, entries) => {
    const { clients } = createPageWriter()(entries, 0, entries.length).structuredContent;
    for (const client of clients) expect(shownClient.safeParse(client).error).toBeUndefined();
  });
});
