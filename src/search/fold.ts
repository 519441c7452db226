/**
 * Longest word form kept, in UTF-16 code units. Longer words (and query terms) are cut to this length
 * on both sides, so a 20,000-character term costs no more than a normal one and still compares consistently.
 */
export const MAX_WORD_LENGTH = 64;

/**
 * The spellings of one word that count as the same: `forms[0]` is accent-folded (ü → u), `forms[1]`, present only
 * when it differs, is the German transliteration (ü → ue). Two words match when any of their forms match.
 */
export type WordForms = readonly string[];

// Letters NFKD leaves alone but people type without their stroke or as two letters.
// The middle dot goes because NFKD turns the Catalan ŀ into "l·", which would otherwise split "coŀlegi" in two.
const UNDECOMPOSED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ĸ: 'k',
  '·': '',
};
const UNDECOMPOSED_PATTERN = /[ßæœøłđðþıħŧĸ·]/g;
const GERMAN_UMLAUT = /([aou])\u0308/g;
const COMBINING_MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;

/** Splits text into words, each with the spellings a searcher may use for it (see {@link WordForms}). */
export function wordsOf(text: string): WordForms[] {
  // Most CRM text is ASCII; skipping NFKD there is what keeps indexing 100k clients fast.
  if (ASCII_ONLY.test(text)) {
    return (text.toLowerCase().match(ASCII_WORD) ?? []).map((word) => [word.slice(0, MAX_WORD_LENGTH)]);
  }
  const decomposed = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED_LETTERS[letter] ?? letter);
  const folded = decomposed.replace(COMBINING_MARKS, '').match(WORD) ?? [];
  // Transliteration only turns letters into letters, so both splits yield the same number of words, in the same order.
  const german = decomposed.replace(GERMAN_UMLAUT, '$1e').replace(COMBINING_MARKS, '').match(WORD) ?? [];
  return folded.map((word, i) => {
    const plain = word.slice(0, MAX_WORD_LENGTH);
    const transliterated = (german[i] ?? word).slice(0, MAX_WORD_LENGTH);
    return plain === transliterated ? [plain] : [plain, transliterated];
  });
}

/** Visits every form of every word of `text`, exactly as {@link wordsOf} lists them, without building the list. */
export function forEachWordForm(text: string, visit: (form: string) => void): void {
  if (!ASCII_ONLY.test(text)) {
    for (const forms of wordsOf(text)) for (const form of forms) visit(form);
    return;
  }
  // Indexing calls this for every distinct text of 100k clients; scanning beats a regular expression's match array.
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const inWord = (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(text.slice(start, Math.min(i, start + MAX_WORD_LENGTH)).toLowerCase());
      start = -1;
    }
  }
}

const DIGIT = /\p{N}/u;

/** Typos are only forgiven in words of letters: a wrong digit is a different number, not a misspelling. */
export function hasDigit(form: string): boolean {
  return DIGIT.test(form);
}
