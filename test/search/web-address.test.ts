import { describe, expect, it } from 'vitest';
import { domainOfQueryToken, emailAddressesOf, hostOfWebsite, isOnDomain } from '../../src/search/web-address.js';

describe('domainOfQueryToken', () => {
  it.each([
    ['acme-bau.ch', 'acme-bau.ch'],
    ['www.acme-bau.ch', 'acme-bau.ch'],
    ['https://acme-bau.ch/', 'acme-bau.ch'],
    ['http://www.Acme-Bau.CH/kontakt?x=1', 'acme-bau.ch'],
    ['acme.ch,', 'acme.ch'],
    ['müller-bau.ch', 'müller-bau.ch'],
    ['shop.example.com', 'shop.example.com'],
    ['www.stgallen.sg', 'stgallen.sg'],
    ['St.Gallen', null],
    ['Dr.med.', null],
    ['z.B.', null],
    ['044.123.45.67', null],
    ['1.5', null],
    ['acme', null],
    ['www.ch', null],
  ])('%s → %s', (token, domain) => {
    expect(domainOfQueryToken(token)).toBe(domain);
  });
});

describe('hostOfWebsite', () => {
  it.each([
    ['https://www.acme-bau.ch/', 'www.acme-bau.ch'],
    ['HTTP://WWW.ACME.CH', 'www.acme.ch'],
    [' http://Acme.ch/ ', 'acme.ch'],
    ['www.acme-bau.ch', 'www.acme-bau.ch'],
    ['acme-bau.ch:8080/kontakt', 'acme-bau.ch'],
    ['https://user@acme-bau.ch', 'acme-bau.ch'],
    ['ACME-BAU.CH.', 'acme-bau.ch'],
    ['keine', null],
    ['', null],
  ])('%s → %s', (website, host) => {
    expect(hostOfWebsite(website)).toBe(host);
  });
});

describe('emailAddressesOf', () => {
  it.each([
    ['hans@acme.ch', ['hans@acme.ch']],
    ['Hans@ACME.ch', ['hans@acme.ch']],
    ['Hans@ACME.ch.', ['hans@acme.ch']],
    [' hans@acme.ch ', ['hans@acme.ch']],
    ['a@x.ch; b@y.ch', ['a@x.ch', 'b@y.ch']],
    ['a@x.ch, b@y.ch', ['a@x.ch', 'b@y.ch']],
    ['<mailto:a@x.ch>', ['a@x.ch']],
    ['keine Angabe', []],
  ])('%s → %j', (field, addresses) => {
    expect(emailAddressesOf(field)).toEqual(addresses);
  });
});

describe('isOnDomain', () => {
  it.each([
    ['acme.ch', 'acme.ch', true],
    ['www.acme.ch', 'acme.ch', true],
    ['mail.eu.acme.ch', 'acme.ch', true],
    ['notacme.ch', 'acme.ch', false],
    ['acme.ch', 'www.acme.ch', false],
  ])('%s on %s: %s', (host, domain, on) => {
    expect(isOnDomain(host, domain)).toBe(on);
  });
});
