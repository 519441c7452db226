// Terminal escape sequences (CSI and OSC) are removed whole: stripping only the ESC byte would leave "[31m" behind.
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b./g;
// C0 and C1 controls, line and paragraph separators: they break lines or drive terminals, so they become spaces.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Zero-width and bidirectional formatting characters hide or reorder text; they take no room, so they go.
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export const REDACTED = '[redacted]';

/**
 * Text that came from jobdesk (an error message, a redirect target), made safe to quote to the model:
 * secrets replaced, escape sequences and invisible characters removed, quote marks that could end our
 * quotation turned into apostrophes, whitespace collapsed and the whole cut to `maxChars`. A hostile
 * upstream can then add at most one bounded, plainly quoted line to the model's context.
 * Returns undefined when nothing readable is left.
 */
export function quotableUpstreamText(
  text: string,
  maxChars: number,
  secrets: readonly string[] = [],
): string | undefined {
  // Before anything else, so that no cut, collapse or replacement can leave part of a secret behind.
  let cleaned = redact(text, secrets);
  cleaned = cleaned
    .replace(ESCAPE_SEQUENCES, ' ')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(/["`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  // Removing invisible characters may have joined the pieces of a secret that jobdesk split up.
  cleaned = redact(cleaned, secrets);
  if (!cleaned) return undefined;
  if (cleaned.length <= maxChars) return cleaned;
  // Cut at a code point, not inside a surrogate pair.
  return `${Array.from(cleaned.slice(0, maxChars)).slice(0, -1).join('')}…`;
}

function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join(REDACTED);
  }
  return result;
}
