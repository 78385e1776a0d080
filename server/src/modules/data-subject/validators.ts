import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Full-width digits and hyphens count as their half-width forms. */
export const nfkc = (value: string) => value.normalize('NFKC').trim();

/** Japanese telephone numbers: 0 + 9 or 10 digits, hyphens allowed (03-1234-5678, 090-1234-5678), or +81. */
export function isJapanesePhone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 20) return false;
  const v = nfkc(value).replace(/[‐－ー−]/g, '-');
  if (!/^(\+81[- ]?|0)\d[\d-]{7,14}\d$/.test(v) || /--/.test(v)) return false;
  const digits = v.replace(/^\+81/, '0').replace(/\D/g, '');
  return digits.length === 10 || digits.length === 11;
}

export const isPostalCode = (value: unknown) => typeof value === 'string' && /^\d{3}-\d{4}$/.test(nfkc(value));

/** Kana readings: katakana or hiragana, with spaces, long-vowel marks and middle dots. */
export const isKana = (value: unknown) =>
  typeof value === 'string' && /^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s]+$/u.test(nfkc(value));

function decorator(name: string, test: (v: unknown) => boolean, message: string) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} ${message}`, ...options },
      validator: { validate: (value: unknown) => value === null || value === undefined || test(value) },
    });
}

export const IsJapanesePhone = decorator('isJapanesePhone', isJapanesePhone, 'must be a Japanese telephone number, e.g. 03-1234-5678');
export const IsPostalCode = decorator('isPostalCode', isPostalCode, 'must be a postal code written 123-4567');
export const IsKana = decorator('isKana', isKana, 'must be written in kana');
