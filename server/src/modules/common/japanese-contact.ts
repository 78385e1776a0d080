import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Postal codes and telephone numbers as people type them (full-width digits,
 * any dash, no dash at all) turned into the one form that is stored, or null
 * when there is none.
 */

/** What people type for a hyphen: － ‐ ‑ ‒ – — ― − ー ｰ (after NFKC some are already '-'). */
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70\ufe63\uff0d]/gu;
const SPACES = /[\s\u3000]+/gu;

const plain = (value: string) => value.normalize('NFKC').replace(DASHES, '-').replace(SPACES, '');

/** `１００－０００１`, `〒100-0001` and `1000001` are all `100-0001`. */
export function canonicalPostalCode(value: string): string | null {
  const match = /^〒?(\d{3})-?(\d{4})$/u.exec(plain(value));
  return match ? `${match[1]}-${match[2]}` : null;
}

/**
 * A Japanese number in its national form, split where its area code says
 * (libphonenumber's metadata: 0312345678 → 03-1234-5678, 0466123456 →
 * 0466-12-3456); +81 numbers too. A number the metadata does not know is kept
 * only when it was typed with its split (0 and 9 or 10 digits).
 */
export function canonicalPhone(value: string): string | null {
  const typed = plain(value).replace(/[()]/gu, '-').replace(/^-+|-+$/gu, '');
  if (!/^(\+81-?|0)[\d-]+$/u.test(typed) || typed.includes('--')) return null;
  const parsed = parsePhoneNumberFromString(typed, 'JP');
  if (parsed?.country === 'JP' && parsed.isValid()) return parsed.formatNational();
  const national = typed.replace(/^\+81-?/u, '0');
  const digits = national.replace(/-/gu, '');
  const split = national.includes('-') && (digits.length === 10 || digits.length === 11);
  return split ? national : null;
}
