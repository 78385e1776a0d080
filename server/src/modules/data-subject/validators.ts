import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';
import { toKatakana } from 'wanakana';
import { canonicalPhone, canonicalPostalCode } from '../common/japanese-contact';
import { canonicalName } from '../common/japanese-text';

/** The longest input looked at (a stored value is far shorter; this bounds the work). */
const MAX_TYPED = 40;

/** A reading as stored: NFKC (half-width kana become full-width), one space between words, in katakana. */
export function canonicalReading(value: string): string | null {
  const reading = toKatakana(canonicalName(value.normalize('NFKC')), { passRomaji: true });
  return /^[\p{Script=Katakana}ー・ ]+$/u.test(reading) ? reading : null;
}

export const canonicalEmail = (value: string) => value.normalize('NFKC').trim().toLowerCase();

const bounded = (canonical: (v: string) => string | null) => (value: unknown) =>
  typeof value === 'string' && value.length <= MAX_TYPED && canonical(value) !== null;

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

export const IsJapanesePhone = decorator('isJapanesePhone', bounded(canonicalPhone), 'must be a Japanese telephone number, e.g. 03-1234-5678');
export const IsPostalCode = decorator('isPostalCode', bounded(canonicalPostalCode), 'must be a postal code of 7 digits, e.g. 100-0001');
export const IsKana = decorator('isKana', (v) => typeof v === 'string' && canonicalReading(v) !== null, 'must be written in kana');
export const IsEmailTyped = decorator('isEmailTyped', (v) => typeof v === 'string' && isEmail(canonicalEmail(v)), 'must be an e-mail address');
