import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, forEachWordForm, wordsOf } from '../../src/search/fold.js';
import { seededRandom } from './synthetic-clients.js';

describe('wordsOf', () => {
  it.each<[string, string, string[][]]>([
    ['lower-cases', 'Hans MEIER', [['hans'], ['meier']]],
    ['gives umlauts a folded and a German form', 'Müller', [['muller', 'mueller']]],
    [
      'transliterates every German umlaut',
      'Bär Öhri Zürich',
      [
        ['bar', 'baer'],
        ['ohri', 'oehri'],
        ['zurich', 'zuerich'],
      ],
    ],
    ['writes ß as ss in both forms', 'Straße', [['strasse']]],
    ['folds French accents and the cedilla', 'François Genève Zoë', [['francois'], ['geneve'], ['zoe']]],
    ['folds Italian and Romansh accents', 'Niccolò Mustér Caffè', [['niccolo'], ['muster'], ['caffe']]],
    ['folds ñ', 'Núñez', [['nunez']]],
    ['spells ligatures out', 'Cœur Kjær', [['coeur'], ['kjaer']]],
    ['strips strokes NFKD leaves alone', 'Łukasz Sørensen Đorđe', [['lukasz'], ['sorensen'], ['dorde']]],
    ['keeps the Catalan ŀl in one word', 'coŀlegi', [['collegi']]],
    ['handles decomposed input like composed', 'Mu\u0308ller', [['muller', 'mueller']]],
    [
      'splits on hyphens, apostrophes and dots',
      "Hans-Peter D'Andrea St.Gallen",
      [['hans'], ['peter'], ['d'], ['andrea'], ['st'], ['gallen']],
    ],
    ['keeps letters and digits together', 'Hauptstrasse 12a', [['hauptstrasse'], ['12a']]],
    ['drops emoji and control characters', 'Anna\u0000😀\u202eMeier', [['anna'], ['meier']]],
    ['keeps other scripts as words', 'Σοφία مرحبا', [['σοφια'], ['مرحبا']]],
    ['cuts very long words', 'x'.repeat(200), [['x'.repeat(MAX_WORD_LENGTH)]]],
  ])('%s: %s', (_behaviour, text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });
});

describe('forEachWordForm', () => {
  it('visits exactly the forms wordsOf lists, ASCII or not', () => {
    const random = seededRandom(3);
    const alphabet = [...'aZ9 -.,@ßüÉ\u0000😀'];
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from(
        { length: Math.floor(random() * 90) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const visited: string[] = [];
      forEachWordForm(text, (form) => visited.push(form));
      expect(visited, JSON.stringify(text)).toEqual(wordsOf(text).flat());
    }
  });
});
