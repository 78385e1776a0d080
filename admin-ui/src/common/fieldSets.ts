/**
 * Which fields a screen asks the server for. Every personal-data field a page
 * asks for is an audited read, so lists ask only for what they show. `list` is
 * used by lists and reference lists, `reference` when another record shows
 * this one by id, `one` by show and edit pages. A create or update asks
 * back only for `mutation` (the page then reads the record as it needs it).
 */
export interface FieldSet {
  list: string[];
  reference: string[];
  one: string[];
  mutation?: string[];
  /**
   * `one` for a role that may see the record but not its personal data
   * (access.ts: no `readPersonal`): what it lists per linked object too.
   */
  oneWithoutPersonal?: SparseField[];
}

/** A field, or a linked object with the fields asked of it (ra-data-graphql-simple's sparse fields). */
export type SparseField = string | { [linked: string]: string[] };
