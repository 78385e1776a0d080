/** A link to the case list with a filter applied (react-admin reads `filter` from the query string). */
export const caseListPath = (filter: Record<string, unknown>) => `/Case?filter=${encodeURIComponent(JSON.stringify(filter))}`;
