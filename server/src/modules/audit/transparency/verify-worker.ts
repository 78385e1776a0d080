import { parentPort } from 'node:worker_threads';
import { openRangeReader, type ClosableReader } from './range-readers';
import { verifyRange, type RangeTask } from './range-verification';

/**
 * A worker thread of full verification (verify-pool.ts): verifies the ranges
 * it is handed, on a database connection of its own per pool (one per
 * application), and answers with their subtree hashes; the leaf hashes move to
 * the main thread without a copy. A released pool's connection is closed.
 */
type Message = { id: number; pool: number } & ({ kind: 'verify'; url: string; task: RangeTask } | { kind: 'release' });

const port = parentPort!;
const readers = new Map<number, Promise<ClosableReader>>();

function reader(pool: number, url: string): Promise<ClosableReader> {
  let r = readers.get(pool);
  if (!r) {
    r = openRangeReader(url);
    readers.set(pool, r);
    r.catch(() => readers.delete(pool));
  }
  return r;
}

port.on('message', (message: Message) => {
  const work =
    message.kind === 'release'
      ? (readers.get(message.pool) ?? Promise.resolve(null))
          .then((r) => r?.close())
          .catch(() => undefined)
          .then(() => (readers.delete(message.pool), null))
      : reader(message.pool, message.url).then((r) => verifyRange(r, message.task));
  work.then(
    (result) => port.postMessage({ id: message.id, result }, result?.leaves ? [result.leaves.buffer as ArrayBuffer] : []),
    (error: unknown) => port.postMessage({ id: message.id, error: String((error as Error)?.message ?? error).slice(0, 300) }),
  );
});
