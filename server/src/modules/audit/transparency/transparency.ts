import type { Clock } from '../../../clock';
import type { Database } from '../../../db/data-source';
import type { ChainLinker } from '../audit-chain';
import { LogVerifier } from './log-verifier';
import { managerReader } from './range-readers';
import { CheckpointPublisher } from './publisher';
import { loadSigningKeys } from './signing-key';
import { TreeExtension } from './tree-extension';
import { RangeVerifierPool } from './verify-pool';
import { WitnessLog } from './witness-log';
import { DirectoryWitness, HttpWitness, type Witness } from './witnesses';

export interface TransparencySettings {
  production: boolean;
  dataDir: string;
  auditSigningKey: string | null;
  auditPreviousVerifierKeys: string[];
  auditWitnessDir: string;
  auditWitnessUrls: string[];
  databaseUrl: string;
  /** Worker threads of full verification (0: the main thread). */
  auditVerifyThreads: number;
}

/**
 * The verifiable log around the chain linker: the Merkle tree it extends,
 * the checkpoints signed over it, the witnesses they go to and the verifier.
 */
export function createTransparency(db: Database, clock: Clock, linker: ChainLinker, settings: TransparencySettings) {
  const keys = loadSigningKeys({
    production: settings.production,
    signingKey: settings.auditSigningKey,
    previousVerifierKeys: settings.auditPreviousVerifierKeys,
    dataDir: settings.dataDir,
  });
  const origin = keys.signer.name;
  const witnesses: Witness[] = [
    ...(settings.auditWitnessDir ? [new DirectoryWitness(new WitnessLog(settings.auditWitnessDir, origin, keys.verifiers, null, true))] : []),
    ...settings.auditWitnessUrls.map((url) => new HttpWitness(url)),
  ];
  const publisher = new CheckpointPublisher(db, clock, keys, witnesses);
  linker.observe(new TreeExtension(() => publisher.schedule()));
  const ranges = new RangeVerifierPool(settings.databaseUrl, settings.auditVerifyThreads, () => managerReader(db.manager, db.dialect));
  const verifier = new LogVerifier(db, linker, publisher, ranges);
  let dailyTimer: NodeJS.Timeout | null = null;
  return {
    keys,
    publisher,
    verifier,
    start() {
      dailyTimer = verifier.start();
      publisher.schedule();
    },
    async stop() {
      if (dailyTimer) clearInterval(dailyTimer);
      await verifier.stop();
      await publisher.stop();
    },
  };
}

export type Transparency = ReturnType<typeof createTransparency>;
