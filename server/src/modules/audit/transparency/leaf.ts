import { textLeafHash } from './merkle';

/** The leaf bytes of an entry: its canonical encoding (canonical.ts) as UTF-8. */
export function leafBytes(canonical: string): Buffer {
  return Buffer.from(canonical, 'utf8');
}

/** The RFC 9162 leaf hash of an entry's canonical encoding. */
export function leafOf(canonical: string): Buffer {
  return textLeafHash(canonical);
}
