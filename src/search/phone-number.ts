const DIGIT_0 = 48;
const DIGIT_9 = 57;
const OPENING_PARENTHESIS = 40;
const CLOSING_PARENTHESIS = 41;
const PLUS = 43;
const SPACE = 32;
const TAB = 9;

/**
 * Reduces a phone number to the digits that identify it, so every way of writing it compares equal:
 * `+41 (0)44 123 45 67`, `0041 44 123 45 67`, `044/123.45.67` and `44 123 45 67` all become `441234567`.
 * Swiss numbers lose their country code and trunk zero; foreign ones keep theirs behind `00`
 * (`+49 30 123` → `004930123`), so they never collide with a Swiss national number, which never starts with 0.
 */
export function normalizePhoneNumber(written: string): string {
  // One pass rather than a few regular expressions: indexing runs this on every phone field of every client.
  let digits = '';
  let startsWithPlus = false;
  let seenSign = false;
  for (let i = 0; i < written.length; i++) {
    const code = written.charCodeAt(i);
    if (code >= DIGIT_0 && code <= DIGIT_9) digits += written[i];
    else if (code === OPENING_PARENTHESIS) i = afterTrunkZero(written, i);
    else if (code === PLUS && !seenSign) startsWithPlus = true;
    if (code !== SPACE && code !== TAB) seenSign = true;
  }
  if (startsWithPlus) digits = `00${digits}`;
  if (digits.startsWith('0041')) {
    digits = digits.slice(4);
    // People also write "+41 044 …", keeping the trunk zero after the country code.
    return digits.startsWith('0') && !digits.startsWith('00') ? digits.slice(1) : digits;
  }
  if (digits.startsWith('00')) return digits;
  if (digits.startsWith('0')) return digits.slice(1);
  // CRM exports often store "41441234567": eleven digits starting 41 is a Swiss number with its country code, not a national one.
  if (digits.length === 11 && digits.startsWith('41')) return digits.slice(2);
  return digits;
}

/** The longest normalized number worth reading from a query: 9 national digits in Switzerland, E.164's 15 plus `00` abroad. */
export function maxNormalizedLength(normalized: string): number {
  return normalized.startsWith('00') ? 17 : 9;
}

/** Where to continue after a trunk zero written as "(0)" or "( 0 )" opening at `open`; just `open` if there is none. */
function afterTrunkZero(written: string, open: number): number {
  let i = open + 1;
  while (written.charCodeAt(i) === SPACE) i++;
  if (written.charCodeAt(i) !== DIGIT_0) return open;
  i++;
  while (written.charCodeAt(i) === SPACE) i++;
  return written.charCodeAt(i) === CLOSING_PARENTHESIS ? i : open;
}
