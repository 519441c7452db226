import { describe, expect, it } from 'vitest';
import { findClientArray, jwtExpiry, parseLoginAnswer, toClientRecord } from '../../src/jobdesk/answers.js';

const now = new Date('2026-12-03T12:00:00Z');
const exp = Math.floor(now.getTime() / 1000) + 3600;
const jwt = [
  Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
  Buffer.from(JSON.stringify({ sub: 'anna', exp })).toString('base64url'),
  'c2lnbmF0dXJl',
].join('.');
const opaque = 'opaque-token-0123456789';

describe('parseLoginAnswer', () => {
  it.each([
    ['token', JSON.stringify({ token: opaque })],
    ['accessToken', JSON.stringify({ accessToken: opaque })],
    ['access_token', JSON.stringify({ access_token: opaque })],
    ['jwt', JSON.stringify({ jwt: opaque })],
    ['PascalCase Token', JSON.stringify({ Token: opaque })],
    ['data.token', JSON.stringify({ data: { token: opaque } })],
    ['data.accessToken', JSON.stringify({ data: { accessToken: opaque } })],
    ['data.access_token', JSON.stringify({ data: { access_token: opaque } })],
    ['data.jwt', JSON.stringify({ data: { jwt: opaque } })],
    ['data as string', JSON.stringify({ success: true, data: opaque })],
    ['bare JSON string', JSON.stringify(opaque)],
    ['plain text', opaque],
    ['plain text with newline and BOM', `\uFEFF${opaque}\n`],
  ])('finds the token under %s', (_shape, body) => {
    expect(parseLoginAnswer(body, now)).toEqual({ token: opaque, expiresAt: null });
  });

  it.each([
    ['a JWT exp', JSON.stringify({ token: jwt }), new Date(exp * 1000)],
    ['a JWT as plain text', jwt, new Date(exp * 1000)],
    [
      'an ISO expiration',
      JSON.stringify({ token: opaque, expiration: '2026-12-03T13:00:00Z' }),
      new Date('2026-12-03T13:00:00Z'),
    ],
    [
      'expires_in seconds',
      JSON.stringify({ access_token: opaque, expires_in: 1800 }),
      new Date(now.getTime() + 1_800_000),
    ],
    [
      'expires_in beside data',
      JSON.stringify({ data: { token: opaque }, expires_in: '60' }),
      new Date(now.getTime() + 60_000),
    ],
  ])('reads the expiry from %s', (_hint, body, expiresAt) => {
    expect(parseLoginAnswer(body, now)?.expiresAt).toEqual(expiresAt);
  });

  it.each([
    ['an empty body', ''],
    ['an object without a token', JSON.stringify({ success: false, message: 'nope' })],
    ['an HTML page', '<html><body>Maintenance</body></html>'],
    ['a sentence', 'Invalid email or password'],
    ['a number', '12345'],
    ['a token too short to be real', JSON.stringify({ token: 'abc' })],
    ['a token with a line break', JSON.stringify({ token: 'abc\r\nX-Injected: 1' })],
  ])('finds no token in %s', (_case, body) => {
    expect(parseLoginAnswer(body, now)).toBeNull();
  });
});

describe('jwtExpiry', () => {
  it('reads exp, and ignores tokens that are not JWTs', () => {
    expect(jwtExpiry(jwt)).toEqual(new Date(exp * 1000));
    expect(jwtExpiry(opaque)).toBeNull();
    expect(jwtExpiry('a.b.c')).toBeNull();
  });
});

describe('findClientArray', () => {
  const list = [{ id: 1 }];
  it.each([
    ['a bare array', list],
    ['items', { items: list, totalCount: 1 }],
    ['data', { data: list }],
    ['clients', { clients: list }],
    ['results', { results: list }],
    ['value', { value: list, '@odata.count': 1 }],
    ['Items in PascalCase', { Items: list }],
    ['data.items', { data: { items: list } }],
  ])('finds the list as %s', (_shape, answer) => {
    expect(findClientArray(answer)).toEqual(list);
  });

  it.each([[{ foo: 1 }], ['text'], [null], [{ data: { foo: [] } }]])('finds none in %o', (answer) => {
    expect(findClientArray(answer)).toBeNull();
  });
});

describe('toClientRecord', () => {
  it('drops null and empty fields, keeps undocumented ones, and makes documented text fields strings', () => {
    const record = toClientRecord({
      id: 7,
      contactType: '1',
      firstName: 'Anna',
      lastName: null,
      companyName: '',
      phone: 441234567,
      email: '   ',
      tags: [],
      customerNumber: 'K-7',
      contactAddress: { street: 'Seestrasse', number: 12, zip: 8000, city: 'Zürich', state: null, country: 41 },
      notes: { internal: null },
    });
    expect(record).toEqual({
      id: 7,
      contactType: 1,
      firstName: 'Anna',
      phone: '441234567',
      customerNumber: 'K-7',
      contactAddress: { street: 'Seestrasse', number: '12', zip: '8000', city: 'Zürich', country: 41 },
    });
  });

  it('drops fields of an impossible type rather than failing the whole list', () => {
    expect(toClientRecord({ id: 1, firstName: { nested: true }, contactAddress: 'Zürich' })).toEqual({ id: 1 });
  });

  it('rejects entries that are not records', () => {
    expect(toClientRecord('Anna')).toBeNull();
    expect(toClientRecord(null)).toBeNull();
    expect(toClientRecord([1])).toBeNull();
  });
});
