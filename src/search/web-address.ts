const ADDRESS_SEPARATORS = /[\s,;]+/;
const MAILTO = /^mailto:/;
const WRAPPING = /^[<(["']+|[>)\]"'.,;:]+$/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;
const HOST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
// Checked first because nearly every host is ASCII and the Unicode-aware pattern is several times slower.
const ASCII_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

// Without a scheme or "www.", only these endings make a typed word a domain: "St.Gallen" or "Dr.med" must stay names.
const KNOWN_TOP_LEVEL_DOMAINS = new Set([
  'ch',
  'li',
  'swiss',
  'zuerich',
  'com',
  'net',
  'org',
  'info',
  'biz',
  'io',
  'co',
  'eu',
  'de',
  'at',
  'fr',
  'it',
  'uk',
  'nl',
  'be',
  'lu',
  'es',
  'us',
  'app',
  'dev',
  'shop',
  'online',
  'site',
  'email',
]);

/** Lower-cases a typed or stored email address and drops what commonly wraps it (`mailto:`, `<…>`, quotes, a trailing comma). */
export function cleanEmailAddress(written: string): string {
  return written.trim().toLowerCase().replace(WRAPPING, '').replace(MAILTO, '');
}

// One plain address and nothing around it, as nearly every email field holds; cleaning it only lower-cases it.
const PLAIN_ADDRESS = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]*[A-Za-z0-9-]$/;

/** The addresses in an email field; a field may hold several, separated by spaces, commas or semicolons. */
export function emailAddressesOf(field: string): string[] {
  if (PLAIN_ADDRESS.test(field)) return [field.toLowerCase()];
  return field
    .split(ADDRESS_SEPARATORS)
    .map(cleanEmailAddress)
    .filter((address) => address.includes('@'));
}

/** The host an email address is delivered to, or null when what follows the `@` is not a host name. */
export function hostOfEmailAddress(address: string): string | null {
  return validHost(address.slice(address.lastIndexOf('@') + 1));
}

// A bare host, perhaps after http(s):// and before a lone slash, as most website fields hold.
const PLAIN_WEBSITE = /^(?:https?:\/\/)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\/?$/;

/** The host of a website as stored or typed (`https://www.acme.ch/kontakt`, `acme.ch:8080`), or null. */
export function hostOfWebsite(written: string): string | null {
  const plain = PLAIN_WEBSITE.exec(written)?.[1];
  if (plain !== undefined) return plain.toLowerCase();
  let rest = written.trim().toLowerCase().replace(SCHEME, '').replace(/^\/\//, '');
  const end = rest.search(/[/?#\s]/);
  if (end >= 0) rest = rest.slice(0, end);
  rest = rest.slice(rest.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  return validHost(rest);
}

/**
 * The domain a query token names (`acme-bau.ch`, `www.acme-bau.ch`, `https://acme-bau.ch/`), without its `www.`,
 * or null when the token does not look like a domain.
 */
export function domainOfQueryToken(token: string): string | null {
  const lowered = token.toLowerCase().replace(WRAPPING, '');
  const host = hostOfWebsite(lowered);
  if (host === null) return null;
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  if (!bare.includes('.')) return null;
  const topLevel = bare.slice(bare.lastIndexOf('.') + 1);
  const spelledAsWebAddress = SCHEME.test(lowered) || host !== bare;
  return spelledAsWebAddress || KNOWN_TOP_LEVEL_DOMAINS.has(topLevel) ? bare : null;
}

/** Whether `host` is `domain` or one of its subdomains. */
export function isOnDomain(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(domain) && host[host.length - domain.length - 1] === '.');
}

function validHost(candidate: string): string | null {
  const host = candidate.replace(/\.+$/, '');
  return ASCII_HOST.test(host) || HOST.test(host) ? host : null;
}
