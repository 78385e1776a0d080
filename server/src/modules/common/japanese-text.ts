import { toHiragana, toRomaji } from 'wanakana';

/**
 * Japanese text as people type it with an IME: the search keys of names and
 * readings, and the canonical form of a name. Kana conversion is wanakana's.
 */

const WHITESPACE = /[\s\u3000]+/gu;
/** Small kana stand one code point before their full-size form (ぁ→あ … ゎ→わ); ゕ and ゖ do not. */
const SMALL_KANA = /[ぁぃぅぇぉっゃゅょゎゕゖ]/gu;
const SMALL_OUTLIERS: Record<string, string> = { ゕ: 'か', ゖ: 'け' };
const isORow = (kana: string) => toRomaji(kana).endsWith('o');

function foldSmallKana(text: string): string {
  return text.replace(SMALL_KANA, (c) => SMALL_OUTLIERS[c] ?? String.fromCodePoint(c.codePointAt(0)! + 1));
}

/** After an o-row kana, お and う both lengthen the vowel (オオノ, オーノ, オウノ): one form, う. */
function foldLongO(text: string): string {
  const chars = [...text];
  return chars.map((c, i) => (c === 'お' && i > 0 && isORow(chars[i - 1]!) ? 'う' : c)).join('');
}

/**
 * The form a name, reading or e-mail is compared in: NFKC (full- and
 * half-width alike), no spaces, katakana as hiragana, the long-vowel mark read
 * as the vowel it lengthens (wanakana: サトー = サトウ), small kana as full-size
 * (ｷﾖｳｺ from a bank record = キョウコ), lower case. Romaji and kanji pass through.
 */
export function searchKey(text: string | null | undefined): string {
  if (!text) return '';
  const hiragana = toHiragana(text.normalize('NFKC').replace(WHITESPACE, ''), { passRomaji: true });
  return foldSmallKana(foldLongO(hiragana)).toLowerCase();
}

/**
 * Sorts in 50-sound order: first by the kana without voicing marks (か = が),
 * then by the kana themselves (か before が), as a dictionary does.
 */
export function readingSortKey(reading: string | null | undefined, fallback: string | null | undefined): string {
  const key = searchKey(reading) || searchKey(fallback);
  const unvoiced = key.normalize('NFD').replace(/[\u3099\u309a]/gu, '').normalize('NFC');
  return `${unvoiced} ${key}`.slice(0, 210);
}

/** A name as stored: full-width and repeated spaces become one space; the characters themselves are kept. */
export function canonicalName(value: string): string {
  return value.replace(WHITESPACE, ' ').trim();
}
