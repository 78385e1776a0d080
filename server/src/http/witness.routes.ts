import { createHash } from 'node:crypto';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type { Clock } from '../clock';
import { logger } from '../logger';
import { parseCheckpointText } from '../modules/audit/transparency/checkpoint';
import { parseNote, parseVerifierKey, type NoteSigner, type NoteVerifier } from '../modules/audit/transparency/signed-note';
import { WitnessLog } from '../modules/audit/transparency/witness-log';

const MAX_BODY = '64kb';
const MAX_PROOF = 64;

/**
 * This server as the witness of other logs (C2SP tlog-witness in spirit):
 * POST /witness/add-checkpoint. Each witnessed log (AUDIT_WITNESS_LOGS, by
 * verifier key; keys of one name are one log's, before and after a rotation)
 * has its own append-only directory under the data directory;
 * an accepted checkpoint is cosigned with this server's own signing key.
 */
export function witnessRouter(logKeys: string[], dataDir: string, cosigner: NoteSigner, clock: Clock): Router {
  // Keys of the same name are one log's keys (a rotated signing key): one history, accepted under any of them.
  const keysByOrigin = new Map<string, NoteVerifier[]>();
  for (const text of logKeys) {
    const verifier = parseVerifierKey(text);
    keysByOrigin.set(verifier.name, [...(keysByOrigin.get(verifier.name) ?? []), verifier]);
  }
  const logs = new Map<string, WitnessLog>();
  for (const [origin, verifiers] of keysByOrigin) {
    const dir = join(dataDir, 'witnessed', createHash('sha256').update(origin).digest('hex').slice(0, 16));
    logs.set(origin, new WitnessLog(dir, origin, verifiers, cosigner, false));
  }
  const router = express.Router();
  router.post('/add-checkpoint', express.text({ type: '*/*', limit: MAX_BODY }), (req, res) => {
    const body = typeof req.body === 'string' ? req.body : '';
    const request = parseRequest(body);
    if (!request) return res.status(400).type('text/plain').send('expected "old <size>", proof lines, a blank line and a signed checkpoint\n');
    let origin: string;
    try {
      origin = parseCheckpointText(parseNote(request.note).text).origin;
    } catch (error) {
      return res.status(400).type('text/plain').send(`${(error as Error).message}\n`);
    }
    const log = logs.get(origin);
    if (!log) return res.status(404).type('text/plain').send('unknown log origin\n');
    const answer = log.add(request.oldSize, request.proof, request.note, clock.now().toISOString());
    if (answer.accepted) return res.status(200).type('text/plain').send(answer.note.slice(request.note.length));
    if (answer.status === 409) return res.status(409).type('text/x.tlog.size').send(`${answer.size}\n`);
    if (answer.status === 403 || answer.status === 422) logger.error('witness refused a checkpoint', { origin, status: answer.status, reason: answer.reason });
    return res.status(answer.status).type('text/plain').send(`${answer.reason}\n`);
  });
  return router;
}

function parseRequest(body: string): { oldSize: number; proof: Buffer[]; note: string } | null {
  const split = body.indexOf('\n\n');
  if (split < 0) return null;
  const [first, ...proofLines] = body.slice(0, split).split('\n');
  const old = /^old (0|[1-9][0-9]{0,15})$/.exec(first ?? '');
  if (!old || proofLines.length > MAX_PROOF) return null;
  const proof = proofLines.map((l) => Buffer.from(l, 'base64'));
  if (proof.some((h, i) => h.length !== 32 || h.toString('base64') !== proofLines[i])) return null;
  return { oldSize: Number(old[1]), proof, note: body.slice(split + 2) };
}
