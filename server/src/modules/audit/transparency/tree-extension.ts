import type { EntityManager } from 'typeorm';
import type { LinkObserver } from '../audit-chain';
import type { AuditEntry } from '../audit-entry.entity';
import { ENTRY_COLUMNS, canonicalEntry } from '../canonical';
import { leafOf } from './leaf';
import type { TreeNode } from './merkle';
import { appendLeaves, storedTreeSize } from './tree-store';

const BACKFILL_BATCH = 5000;

/**
 * Extends the Merkle tree in the chain linker's transaction, so the tree and
 * the chain commit together. A tree behind the chain (a log linked before the
 * tree existed) is first built up from the stored entries; a tree ahead of
 * the chain means links were removed, and linking stops rather than repair it.
 */
export class TreeExtension implements LinkObserver {
  /** The right edge after the last committed batch: the next batch of a steady linker starts there, with no reads. */
  private committedEdge: Edge | null = null;
  private pendingEdge: Edge | null = null;

  constructor(private readonly afterCommit: () => void) {}

  async linked(manager: EntityManager, links: Array<{ seq: number; canonical: string }>): Promise<void> {
    if (links.length === 0) return;
    const from = links[0]!.seq - 1;
    const known = this.committedEdge?.size === from ? this.committedEdge.nodes : undefined;
    if (!known) {
      let size = await storedTreeSize(manager);
      if (size > from) throw new Error(`the audit tree holds ${size} leaves but the chain only ${from}: links were removed`);
      while (size < from) size = await backfill(manager, size, from);
    }
    const nodes = await appendLeaves(manager, from, links.map((l) => leafOf(l.canonical)), known);
    this.pendingEdge = { size: from + links.length, nodes };
  }

  committed(): void {
    this.committedEdge = this.pendingEdge;
    this.afterCommit();
  }
}

interface Edge {
  size: number;
  nodes: TreeNode[];
}

async function backfill(manager: EntityManager, size: number, upTo: number): Promise<number> {
  const rows: Array<AuditEntry & { linkSeq: number }> = await manager.query(
    `SELECT l.seq AS linkSeq, ${ENTRY_COLUMNS} FROM audit_link l JOIN audit_entry e ON e.id = l.entry_id
     WHERE l.seq > ? AND l.seq <= ? ORDER BY l.seq LIMIT ${BACKFILL_BATCH}`,
    [size, upTo],
  );
  if (rows.length === 0 || Number(rows[0]!.linkSeq) !== size + 1) throw new Error(`the audit chain lacks seq ${size + 1}; the tree cannot be built over it`);
  rows.forEach((r, i) => {
    if (Number(r.linkSeq) !== size + 1 + i) throw new Error(`the audit chain lacks seq ${size + 1 + i}`);
  });
  await appendLeaves(manager, size, rows.map((r) => leafOf(canonicalEntry(r))));
  return size + rows.length;
}
