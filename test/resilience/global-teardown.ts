import { readFigures } from '../support/figures';
import { renderFigures, writeReport } from './report';

/** Prints the figures of the last run; MAMORI_WRITE_RELIABILITY=1 also writes them into docs/reliability.md. */
export default async function globalTeardown(): Promise<void> {
  const table = renderFigures(readFigures());
  console.log(`\n[resilience] figures of this run:\n\n${table}\n`);
  if (process.env.MAMORI_WRITE_RELIABILITY === '1') writeReport(table);
}
