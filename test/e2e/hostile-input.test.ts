import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, generateClients, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { callTool, type JsonRpcResponse, type RawServer, responseText, startRawServer } from './raw-stdio.js';

const SEARCH_FIELDS = ['query', 'companyName', 'firstName', 'lastName', 'email', 'phone', 'city', 'zip'] as const;
const NUMBER_FIELDS = ['contactType', 'limit', 'offset'] as const;
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', ''];

// Strings that look like something else to a careless parser or template.
const trickyString = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x10',
  '  20  ',
  'null',
  'undefined',
  'true',
  '[object Object]',
  '{"$gt":""}',
  '__proto__',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%s%s%s%n',
  '${process.env.JOBDESK_PASSWORD}',
  "Robert'); DROP TABLE clients;--",
  '\u0000',
  '\u001b[2J\u001b[H',
  '\u202eevil\u202c',
  '\ud800',
  '\uffff',
  'שלום עליכם',
  'مرحبا بالعالم',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'Z̴̡̢̛̗͓͉̖a̷̧̛̠̟̲l̸̢̛͍̰g̵̨̛̘̟o̷̧̦͇',
);

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 3, arbitrary: trickyString },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }) },
  // Huge, but under the transport's 10 MB message limit.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'ü', '😀', ' ', '\u0000'), fc.integer({ min: 1_000, max: 300_000 }))
      .map(([unit, count]) => unit.repeat(count)),
  },
);

/** An object whose own keys may be __proto__ and friends: JSON.stringify keeps them as plain keys on the wire. */
function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const hostileKey = fc.oneof(
  fc.constantFrom(...SEARCH_FIELDS, ...NUMBER_FIELDS, 'refresh', 'emailAddress', 'password', ...HOSTILE_KEYS),
  fc.string({ maxLength: 20 }),
);

const { value: hostileValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(), // NaN and ±Infinity travel as null in JSON
    fc.constantFrom(0, -1, 1.5, 101, 2 ** 53, -(2 ** 53), 1e308, -0),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectOf),
  ),
}));

const hostileArguments = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 6 }).map(objectOf) },
  // Arguments that are not an object at all.
  { weight: 1, arbitrary: hostileValue },
);

const toolName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('search_clients', 'login') },
  { weight: 1, arbitrary: fc.oneof(trickyString, fc.string({ maxLength: 30 })) },
);

function isAnswer(response: JsonRpcResponse): boolean {
  if (response.error) return typeof response.error.message === 'string';
  const content = response.result?.content;
  return Array.isArray(content) && content.length > 0 && content.every((block) => typeof block.type === 'string');
}

describe('hostile tool calls over stdio', () => {
  let sandbox: Sandbox;
  let server: RawServer;
  beforeAll(async () => {
    sandbox = await startSandbox();
    server = await startRawServer({
      JOBDESK_BASE_URL: sandbox.baseUrl,
      JOBDESK_EMAIL: DEMO_EMAIL,
      JOBDESK_PASSWORD: DEMO_PASSWORD,
    });
  });
  afterAll(async () => {
    await server.stop();
    await sandbox.close();
  });

  it('answers every call with a result or an error, stays up and keeps stdout clean', async () => {
    await fc.assert(
      fc.asyncProperty(toolName, hostileArguments, async (name, args) => {
        const response = await callTool(server, name, args);
        expect(isAnswer(response), JSON.stringify(response).slice(0, 500)).toBe(true);
        expect(server.isRunning()).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(server.protocolViolations()).toEqual([]);
    // Nothing went past the tools' own error handling.
    expect(server.stderr()).not.toMatch(/unexpected (error|rejection)/);
    // And the server still does its job.
    const after = await callTool(server, 'search_clients', { query: 'meier' });
    expect(after.result?.isError).toBeFalsy();
  });

  const wrongForText = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.constant({ $gt: '' }),
    fc.string({ minLength: 100_001, maxLength: 100_010 }),
  );
  const wrongForNumber = fc.oneof(
    trickyString,
    fc.boolean(),
    fc.constant(null),
    fc.constant([1]),
    fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-1, -(2 ** 53), 2 ** 53, 1e308),
  );
  const wrongSearchArgument = fc.oneof(
    fc.tuple(fc.constantFrom(...SEARCH_FIELDS), wrongForText),
    fc
      .tuple(fc.constantFrom(...NUMBER_FIELDS), wrongForNumber)
      .filter(([field, value]) => !fitsNumberField(field, value)),
    fc.tuple(
      fc.constant('refresh' as const),
      fc.oneof(trickyString, fc.integer(), fc.constant(null), fc.constant([true])),
    ),
  );

  it('names the field of every wrong search_clients argument', async () => {
    await fc.assert(
      fc.asyncProperty(wrongSearchArgument, async ([field, value]) => {
        const response = await callTool(server, 'search_clients', { [field]: value });
        expect(response.result?.isError, JSON.stringify(response).slice(0, 300)).toBe(true);
        expect(responseText(response)).toContain(field);
      }),
      { numRuns: 150 },
    );
  });

  const wrongLoginArgument = fc.oneof(
    fc.tuple(
      fc.constant('emailAddress' as const),
      fc.oneof(
        fc.integer(),
        fc.constant(null),
        fc.constant(['a@b.ch']),
        trickyString,
        fc.string({ maxLength: 40 }).filter((text) => !text.includes('@')),
      ),
    ),
    fc.tuple(
      fc.constant('password' as const),
      fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(''),
        fc.constant({ value: 'x' }),
        fc.constant('p'.repeat(1_025)),
      ),
    ),
  );

  it('names the field of every wrong login argument, without echoing a password', async () => {
    sandbox.resetStats();
    await fc.assert(
      fc.asyncProperty(wrongLoginArgument, async ([field, value]) => {
        const args =
          field === 'emailAddress'
            ? { emailAddress: value, password: 'fuzz-secret-password' }
            : { emailAddress: DEMO_EMAIL, password: value };
        const response = await callTool(server, 'login', args);
        expect(response.result?.isError, JSON.stringify(response).slice(0, 300)).toBe(true);
        expect(responseText(response)).toContain(field);
        expect(responseText(response)).not.toContain('fuzz-secret-password');
      }),
      { numRuns: 60 },
    );
    // None of them reached jobdesk: input is checked before anything is sent.
    expect(sandbox.stats.logins).toBe(0);
  });

  it('names an unknown tool', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name !== 'search_clients' && name !== 'login'),
        async (name) => {
          const response = await callTool(server, name, {});
          expect(isAnswer(response)).toBe(true);
          expect(responseText(response)).toContain(name);
        },
      ),
      { numRuns: 30 },
    );
  });
});

function fitsNumberField(field: (typeof NUMBER_FIELDS)[number], value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isInteger(value)) return false;
  if (field === 'limit') return value >= 1 && value <= 100;
  if (field === 'offset') return value >= 0 && value <= 10_000_000;
  return value >= 0 && value <= 1_000;
}

describe('awkward queries on a 10,000-client tenant', () => {
  let sandbox: Sandbox;
  let server: RawServer;
  let baselineMs = 0;
  beforeAll(async () => {
    sandbox = await startSandbox({
      accounts: [{ emailAddress: DEMO_EMAIL, password: DEMO_PASSWORD, clients: generateClients(10_000, 3) }],
    });
    server = await startRawServer({
      JOBDESK_BASE_URL: sandbox.baseUrl,
      JOBDESK_EMAIL: DEMO_EMAIL,
      JOBDESK_PASSWORD: DEMO_PASSWORD,
    });
    // Fetch and index the list once, so the calls below measure the search alone.
    await callTool(server, 'search_clients', { query: 'warm up' });
    const started = performance.now();
    await callTool(server, 'search_clients', { query: 'müller zürich' });
    baselineMs = performance.now() - started;
  });
  afterAll(async () => {
    await server.stop();
    await sandbox.close();
  });

  const words = ['müller', 'zürich', '044', 'anna', 'gmbh', 'שלום', '😀', 'x'];
  const twentyThousand = Array.from({ length: 4_000 }, (_, index) => words[index % words.length])
    .join(' ')
    .slice(0, 20_000);

  it.each([
    ['20,000 characters of words', twentyThousand],
    ['20,000 characters of one word', 'a'.repeat(20_000)],
    ['control characters', 'müller\u0000\u0007\u001b[31m\r\nzürich\u007f\u0085'],
    ['emoji', '👋 müller 🇨🇭 zürich 👨‍👩‍👧'],
    ['right-to-left text', 'שלום مرحبا müller'],
    ['bidi overrides', '\u202emüller\u202c \u2066zürich\u2069'],
    ['only emoji', '😀😀😀'],
    ['a lone surrogate', 'müller \ud800 zürich'],
  ])('answers %s without error or slowdown', async (_what, query) => {
    expect(query.length).toBeLessThanOrEqual(20_000);
    const started = performance.now();
    const response = await callTool(server, 'search_clients', { query, limit: 5 });
    const tookMs = performance.now() - started;
    expect(response.result?.isError, responseText(response)).toBeFalsy();
    expect(response.result?.structuredContent).toMatchObject({ offset: 0, limit: 5 });
    // Generous for a loaded 2-core machine; an ordinary search here takes a few ms.
    expect(tookMs, `baseline ${Math.round(baselineMs)} ms`).toBeLessThan(2_000);
  });
});
