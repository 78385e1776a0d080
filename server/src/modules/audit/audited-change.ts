import type { EntityManager } from 'typeorm';
import type { Database } from '../../db/data-source';
import type { Caller } from '../common/caller';
import type { AuditWriter } from './audit-writer';

export type AuditEntryArgs = Parameters<Caller['audit']['entry']>;

/** A change and its audit entry, committed together; the linker is told once it committed. */
export async function auditedChange<T>(
  db: Database,
  writer: AuditWriter,
  caller: Caller,
  change: (manager: EntityManager) => Promise<{ saved: T; entry: AuditEntryArgs }>,
): Promise<T> {
  const saved = await db.transaction(async (manager) => {
    const result = await change(manager);
    await writer.writeWithin(manager, [caller.audit.entry(...result.entry)]);
    return result.saved;
  });
  writer.committed();
  return saved;
}
