/** List columns stored as JSON text (varchar), so both dialects hold them the same way. */
export const jsonStrings = {
  to: (v: readonly string[] | null | undefined) => JSON.stringify(v ?? []),
  from: (v: string | null) => (v ? (JSON.parse(v) as string[]) : []),
};
export const jsonIds = {
  to: (v: readonly number[] | null | undefined) => JSON.stringify(v ?? []),
  from: (v: string | null) => (v ? (JSON.parse(v) as number[]) : []),
};
