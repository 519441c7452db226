import { describe, expect, it } from 'vitest';
import { quotableUpstreamText, REDACTED } from '../../src/jobdesk/upstream-text.js';

describe('quotableUpstreamText', () => {
  it.each([
    ['plain words stay', 'Invalid page size', 'Invalid page size'],
    ['line breaks become spaces', 'first line\r\nsecond line', 'first line second line'],
    ['a terminal colour sequence goes whole', '\u001b[31mred\u001b[0m text', 'red text'],
    ['a terminal title sequence goes whole', '\u001b]0;pwned\u0007after', 'after'],
    ['NUL and DEL go', 'a\u0000b\u007fc', 'a b c'],
    ['C1 controls go', 'a\u0085b\u009bc', 'a b c'],
    ['bidi overrides and isolates go', 'abc\u202edef\u2066ghi\u2069', 'abcdefghi'],
    ['zero-width characters go', 'zero\u200bwidth\u2060joiner\ufeff', 'zerowidthjoiner'],
    ['line and paragraph separators go', 'one\u2028two\u2029three', 'one two three'],
    ['double quotes and backticks become apostrophes', 'say "hi" with `code`', "say 'hi' with 'code'"],
    ['whitespace collapses', '  lots    of\t\tspace  ', 'lots of space'],
    ['umlauts, emoji and right-to-left letters stay', 'Müller 👋 שלום', 'Müller 👋 שלום'],
  ])('%s', (_rule, input, expected) => {
    expect(quotableUpstreamText(input, 200)).toBe(expected);
  });

  it.each(['', '   ', '\u0000\u001b[0m\u200b'])('answers undefined when nothing readable is left (%j)', (input) => {
    expect(quotableUpstreamText(input, 200)).toBeUndefined();
  });

  it('cuts long text to the limit, ending in an ellipsis', () => {
    const quoted = quotableUpstreamText('x'.repeat(5_000), 200) ?? '';
    expect(quoted).toHaveLength(200);
    expect(quoted.endsWith('…')).toBe(true);
  });

  it('never cuts inside a surrogate pair', () => {
    const quoted = quotableUpstreamText('😀'.repeat(300), 201) ?? '';
    expect(quoted.length).toBeLessThanOrEqual(201);
    expect(quoted).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('replaces every secret, even one split by characters that are then removed', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.payload.signature';
    expect(quotableUpstreamText(`bad token ${token} (${token})`, 200, [token])).toBe(
      `bad token ${REDACTED} (${REDACTED})`,
    );
    expect(quotableUpstreamText('pass\u200bword-123 is wrong', 200, ['password-123'])).toBe(`${REDACTED} is wrong`);
  });

  it('replaces a secret before cutting, so no prefix of it survives the cut', () => {
    const secret = 's3cret-'.repeat(10);
    const quoted = quotableUpstreamText(`${'a'.repeat(180)} ${secret}`, 200, [secret]) ?? '';
    expect(quoted).not.toContain('s3cret');
  });
});
