import type { Role } from '@mamori/shared';
import type { Database } from '../../db/data-source';
import { User } from '../user/user.entity';

/** What sign-in of a token needs to know about its user. */
export interface CallerRecord {
  id: number;
  role: Role;
  email: string;
  displayName: string;
  active: boolean;
  tokenVersion: number;
}

/** How long another process may go on trusting what it read: a change made elsewhere is seen within this time. */
export const CALLER_TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

/**
 * The users behind session tokens, read once and kept for CALLER_TTL_MS
 * instead of once per request. A change made in this process (deactivation,
 * role, password or two-factor reset) calls `changed` once it is committed,
 * so the next request here reads the user afresh; every other process reads
 * it afresh within CALLER_TTL_MS. A read that started before a change is
 * never kept after it (the generation check), so it cannot bring the old row
 * back. Time is the process's monotonic clock: the application clock can be
 * moved, the two-second rule is about real time.
 */
export class Callers {
  private readonly entries = new Map<number, { record: CallerRecord | null; readAt: number }>();
  /** Reads in flight, shared by the requests that arrive meanwhile (one read per user, not one per request). */
  private readonly reading = new Map<number, { generation: number; read: Promise<CallerRecord | null> }>();
  private generation = 0;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = CALLER_TTL_MS,
  ) {}

  async lookup(id: number): Promise<CallerRecord | null> {
    const now = performance.now();
    const cached = this.entries.get(id);
    if (cached && now - cached.readAt < this.ttlMs) return cached.record;
    const inFlight = this.reading.get(id);
    if (inFlight && inFlight.generation === this.generation) return inFlight.read;
    const generation = this.generation;
    const read = this.read(id).finally(() => {
      if (this.reading.get(id)?.read === read) this.reading.delete(id);
    });
    this.reading.set(id, { generation, read });
    const record = await read;
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(id, { record, readAt: now });
    }
    return record;
  }

  private async read(id: number): Promise<CallerRecord | null> {
    const user = await this.db.manager.findOneBy(User, { id });
    return user
      ? { id: user.id, role: user.role, email: user.email, displayName: user.displayName, active: user.active, tokenVersion: user.tokenVersion }
      : null;
  }

  /** Call after a change of the user's row has been committed. */
  changed(id: number): void {
    this.generation++;
    this.entries.delete(id);
  }
}
