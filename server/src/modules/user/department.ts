export const DEPARTMENT_MAX = 60;

/**
 * A department (部署) as stored and compared: NFKC (full- and half-width
 * alike), runs of spaces as one, trimmed; blank is none. The internal audit's
 * independence rule compares these forms.
 */
export function canonicalDepartment(value: string | null | undefined): string | null {
  const text = (value ?? '').normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return text || null;
}
