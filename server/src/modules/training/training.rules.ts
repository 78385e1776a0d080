/** Score bounds of a comprehension test. */
export const MIN_SCORE = 0;
export const MAX_SCORE = 100;
