import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Figures of the last run of the reliability suites (requests sent, faults
 * injected, inputs generated), one JSON file per suite, from which
 * test/resilience/report.ts renders the table in docs/reliability.md.
 */
export const FIGURES_DIR = process.env.MAMORI_FIGURES_DIR || join(tmpdir(), 'mamori-reliability');

export function recordFigures(suite: string, figures: Record<string, unknown>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${suite}.json`), `${JSON.stringify({ suite, at: new Date().toISOString(), ...figures }, null, 2)}\n`);
}

export function readFigures(): Record<string, Record<string, unknown>> {
  let names: string[] = [];
  try {
    names = readdirSync(FIGURES_DIR).filter((n) => n.endsWith('.json'));
  } catch {
    return {};
  }
  return Object.fromEntries(names.map((n) => [n.replace(/\.json$/, ''), JSON.parse(readFileSync(join(FIGURES_DIR, n), 'utf8'))]));
}
