import { readFileSync } from 'node:fs';
import { verifyExport } from '../modules/audit/transparency/offline-verify';

/**
 * `npm run verify-audit -- --export trail.jsonl --checkpoint checkpoint.txt --key <verifier key>`
 * checks an audit export against a signed checkpoint without the database or
 * the server. Exit 0: every line verified; 1: a problem (listed); 2: bad usage.
 */
function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const exportFile = argument('export');
const checkpointFile = argument('checkpoint');
const key = argument('key') ?? (argument('key-file') ? readFileSync(argument('key-file')!, 'utf8').trim() : undefined);
if (!exportFile || !checkpointFile || !key) {
  process.stderr.write('usage: verify-audit --export <trail.jsonl> --checkpoint <checkpoint.txt> (--key <verifier key> | --key-file <file>)\n');
  process.exit(2);
}
try {
  const report = verifyExport(readFileSync(exportFile, 'utf8'), readFileSync(checkpointFile, 'utf8'), key);
  for (const problem of report.problems) process.stdout.write(`FAIL ${problem}\n`);
  process.stdout.write(`${report.ok ? 'OK' : 'FAILED'}: ${report.verified} entries verified against the checkpoint of tree size ${report.treeSize}\n`);
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  process.stdout.write(`FAILED: ${(error as Error).message}\n`);
  process.exit(1);
}
