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
}
