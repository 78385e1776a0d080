import { readingSortKey, searchKey } from '../common/japanese-text';
import { likePattern } from '../common/list';

interface Searchable {
  fullName: string;
  fullNameKana: string | null;
  email: string | null;
}

/** The fields the search keys are made of: a change of any other leaves them as they are. */
export const SEARCHED_FIELDS: ReadonlySet<string> = new Set<keyof Searchable>(['fullName', 'fullNameKana', 'email']);

/**
 * The search keys kept beside a subject's personal fields (plain columns, like
 * the fields themselves; erasure empties them): name, reading and e-mail each
 * as `searchKey` has it, separated by spaces (a query has none, so it never
 * spans two), and the reading's 50-sound sort key (the name's without a reading).
 */
export function subjectSearchKeys(s: Searchable): { searchText: string; readingKey: string } {
  return {
    searchText: [s.fullName, s.fullNameKana, s.email].map(searchKey).filter(Boolean).join(' ').slice(0, 700),
    readingKey: readingSortKey(s.fullNameKana, s.fullName),
  };
}

/** The pattern of `search_text LIKE :q ESCAPE '!'` for what was typed. */
export const searchPattern = (query: string) => likePattern(searchKey(query));
