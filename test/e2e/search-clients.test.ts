import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  type ListShape,
  type Sandbox,
  type SandboxOptions,
  seedClients,
  startSandbox,
} from '../../src/sandbox/index.js';
import { firstText, type RunningServer, type SearchPage, searchPage, startStdioServer } from './stdio-harness.js';

const DOCUMENTED_TEXT_FIELDS = new Set([
  'companyName',
  'firstName',
  'lastName',
  'salutation',
  'website',
  'position',
  'phone',
  'mobile',
  'email',
  'department',
  'telMobile',
  'fax',
]);
const credentials = { JOBDESK_EMAIL: DEMO_EMAIL, JOBDESK_PASSWORD: DEMO_PASSWORD };

describe('search_clients over stdio against the sandbox', () => {
  let sandbox: Sandbox;
  let server: RunningServer;

  beforeAll(async () => {
    sandbox = await startSandbox();
    server = await startStdioServer({ JOBDESK_BASE_URL: sandbox.baseUrl, ...credentials });
  });
  afterAll(async () => {
    await server.close();
    await sandbox.close();
  });

  async function search(args: Record<string, unknown>): Promise<SearchPage> {
    return searchPage(await server.call('search_clients', args));
  }
  const names = (page: SearchPage): string[] =>
    page.clients.map((client) => [client.firstName, client.lastName, client.companyName].filter(Boolean).join(' '));

  it.each([
    ['umlaut typed plainly', 'muller', 'Hans Müller'],
    ['German transliteration', 'mueller', 'Hans Müller'],
    ['transliterated city', 'zuerich', 'Hans Müller'],
    ['accent-blind', 'zoe', 'Zoë Favre'],
    ['accented city typed plainly', 'geneve', 'Zoë Favre'],
    ['prefix while typing', 'Gass', 'Sandra Gasser'],
    ['one typo in a long word', 'Bruner', 'Lukas Brunner'],
    ['name and city', 'müller zürich', 'Hans Müller'],
    ['phone in another format', '044 123 45 67', 'Hans Müller'],
    ['phone with country code', '+41 44 123 45 67', 'Hans Müller'],
    ['domain', 'acme-bau.ch', 'Acme Bau AG'],
    ['email address', 'info@acme-bau.ch', 'Acme Bau AG'],
    ['ß written as ss', 'bahnhofstrasse', undefined],
  ])('finds by %s: "%s"', async (_behaviour, query, expected) => {
    const page = await search({ query });
    expect(page.total).toBeGreaterThan(0);
    if (expected) expect(names(page)).toContain(expected);
  });

  it('finds a phone number exactly, not its neighbour', async () => {
    const page = await search({ query: '044 123 45 67' });
    const phones = page.clients.flatMap((client) => [client.phone, client.mobile, client.telMobile, client.fax]);
    expect(phones.join(' ')).not.toMatch(/123 45 68/);
    expect(names(page)).toContain('Hans Müller');
  });

  it('ranks exact names before typo matches: meier lists Meier before Meyer', async () => {
    const page = names(await search({ query: 'meier' }));
    expect(page.indexOf('Beat Meier')).toBeGreaterThanOrEqual(0);
    expect(page.indexOf('Claudia Meyer')).toBeGreaterThan(page.indexOf('Beat Meier'));
  });

  it('ranks a whole word before a prefix: schmid lists Schmid before Schmidt', async () => {
    const page = names(await search({ query: 'schmid' }));
    expect(page.indexOf('Reto Schmidt')).toBeGreaterThan(page.indexOf('Urs Schmid'));
    expect(page.indexOf('Urs Schmid')).toBeGreaterThanOrEqual(0);
  });

  it('ranks the Müllers before Mueller for "muller"', async () => {
    const page = await search({ query: 'muller' });
    const lastNames = page.clients.map((client) => client.lastName);
    const lastMueller = lastNames.lastIndexOf('Müller');
    expect(lastMueller).toBeGreaterThanOrEqual(0);
    expect(lastNames.indexOf('Mueller')).toBeGreaterThan(lastMueller);
  });

  it('finds the contact person at a company', async () => {
    const page = await search({ query: 'acme', contactType: 1 });
    expect(page.clients.length).toBeGreaterThan(0);
    for (const client of page.clients) {
      expect(client.contactType).toBe(1);
      expect(String(client.companyName)).toMatch(/Acme/);
    }
  });

  it.each([
    [{ city: 'Zürich' }, (client: Record<string, any>) => /Z(ü|u)rich/.test(client.contactAddress?.city)],
    [{ city: 'zurich', lastName: 'muller' }, (client: Record<string, any>) => client.lastName === 'Müller'],
    [{ zip: '80' }, (client: Record<string, any>) => String(client.contactAddress?.zip).startsWith('80')],
    [{ contactType: 2 }, (client: Record<string, any>) => client.contactType === 2],
    [{ companyName: 'acme bau' }, (client: Record<string, any>) => /Acme Bau/.test(client.companyName)],
    [{ email: 'acme-bau.ch' }, (client: Record<string, any>) => /@acme-bau\.ch$/.test(client.email)],
    [{ phone: '0041 44 123 45 67' }, (client: Record<string, any>) => client.lastName === 'Müller'],
  ])('filters by %o', async (filter, holds) => {
    const page = await search({ ...filter, limit: 100 });
    expect(page.total).toBeGreaterThan(0);
    for (const client of page.clients) expect(holds(client), JSON.stringify(client)).toBe(true);
  });

  it('pages through every client exactly once', async () => {
    const seen: unknown[] = [];
    let offset: number | null = 0;
    let total = -1;
    while (offset !== null) {
      const page: SearchPage = await search({ limit: 7, offset });
      total = page.total;
      expect(page.clients.length).toBeLessThanOrEqual(7);
      seen.push(...page.clients.map((client) => client.id));
      offset = page.nextOffset;
    }
    expect(total).toBe(seedClients().length);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('answers an empty page past the end, with nextOffset null', async () => {
    const page = await search({ offset: 10_000 });
    expect(page).toMatchObject({ total: seedClients().length, offset: 10_000, nextOffset: null, clients: [] });
  });

  it('keeps undocumented fields and drops null and empty ones', async () => {
    const page = await search({ limit: 100 });
    const wire = new Map(seedClients().map((client) => [client.id, client]));
    for (const client of page.clients) {
      expect(client.id).toEqual(expect.any(Number));
      const original = wire.get(client.id);
      expect(original).toBeDefined();
      for (const [key, value] of Object.entries(client)) {
        expect(value, key).not.toBeNull();
        expect(value, key).not.toBe('');
      }
      for (const [key, value] of Object.entries(original ?? {})) {
        const meaningful = value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
        if (!meaningful || typeof value === 'object') continue;
        // Documented text fields arrive as strings even where jobdesk sent a number; the rest as they came.
        expect(client[key], key).toEqual(DOCUMENTED_TEXT_FIELDS.has(key) ? String(value) : value);
      }
    }
  });

  it('puts the same result in a text block as JSON', async () => {
    const result = await server.call('search_clients', { query: 'gasser' });
    expect(JSON.parse(firstText(result))).toEqual(result.structuredContent);
    // Byte for byte: the text is built from cached per-client JSON, not by stringifying the page.
    expect(firstText(result)).toBe(JSON.stringify(result.structuredContent));
  });

  it('answers a query that matches nothing with an empty page, not an error', async () => {
    const result = await server.call('search_clients', { query: 'xyzzyqwertz' });
    expect(result.isError).toBeFalsy();
    expect(searchPage(result)).toMatchObject({ total: 0, clients: [], nextOffset: null });
  });
});

describe('list shapes and the cache', () => {
  let sandbox: Sandbox | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  /** A fresh sandbox and server for each test here, since each counts the sandbox's requests from zero. */
  async function restart(
    options: SandboxOptions = {},
    env: Record<string, string> = {},
  ): Promise<[Sandbox, RunningServer]> {
    await server?.close();
    await sandbox?.close();
    sandbox = await startSandbox(options);
    server = await startStdioServer({ JOBDESK_BASE_URL: sandbox.baseUrl, ...credentials, ...env });
    return [sandbox, server];
  }

  const shapes: ListShape[] = ['array', 'items', 'data', 'clients', 'results', 'value'];
  it.each(shapes)('reads a list shaped as %s', async (listShape) => {
    const [, server] = await restart({ listShape });
    const page = searchPage(await server.call('search_clients', { limit: 100 }));
    expect(page.total).toBe(seedClients().length);
  });

  it('reuses the list within the cache lifetime and refetches on refresh', async () => {
    const [sandbox, server] = await restart();
    searchPage(await server.call('search_clients', { query: 'meier' }));
    searchPage(await server.call('search_clients', { query: 'müller' }));
    expect(sandbox.stats.listRequests).toBe(1);
    searchPage(await server.call('search_clients', { query: 'müller', refresh: true }));
    expect(sandbox.stats.listRequests).toBe(2);
    expect(sandbox.stats.logins).toBe(1);
  });

  it('fetches every time when JOBDESK_CACHE_TTL_SECONDS is 0', async () => {
    const [sandbox, server] = await restart({}, { JOBDESK_CACHE_TTL_SECONDS: '0' });
    searchPage(await server.call('search_clients', { query: 'meier' }));
    searchPage(await server.call('search_clients', { query: 'müller' }));
    expect(sandbox.stats.listRequests).toBe(2);
  });

  it('expires the cached list after JOBDESK_CACHE_TTL_SECONDS', async () => {
    const [sandbox, server] = await restart({}, { JOBDESK_CACHE_TTL_SECONDS: '1' });
    searchPage(await server.call('search_clients', { query: 'meier' }));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    searchPage(await server.call('search_clients', { query: 'meier' }));
    expect(sandbox.stats.listRequests).toBe(2);
  });
});
