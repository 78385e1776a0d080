import type { AuditAction, AuditOutcome, Role } from '@mamori/shared';
import type { Clock } from '../../clock';
import type { NewAuditEntry } from './audit-writer';

export interface Actor {
  actorId: number | null;
  actorRole: Role | null;
  requestId: string;
  clientIp: string;
}

/** Why a personal-data read was allowed: the case it was done under, or a break-glass reason. */
export interface Justification {
  caseId: number | null;
  breakGlassReason?: string;
}

export interface EventDetails {
  entityType?: string | null;
  entityId?: string | number | null;
  subjectId?: number | null;
  fields?: readonly string[];
  caseId?: number | null;
  reason?: string | null;
  outcome?: AuditOutcome;
  changes?: Record<string, { old: string | null; new: string | null }> | null;
}

interface PendingRead {
  entityType: string;
  entityId: string;
  subjectId: number | null;
  fields: Set<string>;
  justification: Justification;
}

const key = (entityType: string, entityId: string | number) => `${entityType}#${entityId}`;

/**
 * Everything one request must leave in the audit log. Field reads are merged to
 * one entry per entity (aliases and repeated selections collapse); the whole
 * set is committed before the response leaves the server (see audit.plugin).
 */
export class RequestAudit {
  private readonly reads = new Map<string, PendingRead>();
  private readonly denied = new Set<string>();
  /** Entities whose change entry already covers what the mutation returns. */
  private readonly covered = new Set<string>();
  private events: NewAuditEntry[] = [];
  /** The read noted last: the personal fields of one object arrive one after another. */
  private last: { entityType: string; entityId: string | number; read: PendingRead } | null = null;

  constructor(
    private actor: Actor,
    private readonly clock: Clock,
  ) {}

  /** After `login`, entries name the user who just signed in. */
  setActor(actorId: number, actorRole: Role): void {
    this.actor = { ...this.actor, actorId, actorRole };
  }

  /**
   * Notes a read of `field` (or, without a field, that the entity was opened:
   * a break-glass read is recorded even when no personal field is selected).
   */
  recordRead(
    entityType: string,
    entityId: string | number,
    subjectId: number | null,
    field: string | null,
    justification: Justification,
  ): void {
    const last = this.last;
    let read: PendingRead | undefined;
    if (last && last.entityId === entityId && last.entityType === entityType) {
      read = last.read;
    } else {
      const k = key(entityType, entityId);
      if (this.covered.has(k)) return;
      read = this.reads.get(k);
      if (!read) {
        read = { entityType, entityId: String(entityId), subjectId, fields: new Set(), justification };
        this.reads.set(k, read);
      }
      this.last = { entityType, entityId, read };
    }
    if (justification.breakGlassReason) read.justification = justification;
    if (field) read.fields.add(field);
  }

  /** One ACCESS_DENIED entry per entity per request, however many fields were refused. */
  recordDenied(entityType: string, entityId: string | number, subjectId: number | null, fields: readonly string[] = []): void {
    const k = key(entityType, entityId);
    if (this.denied.has(k)) return;
    this.denied.add(k);
    this.record('ACCESS_DENIED', { entityType, entityId, subjectId, fields, outcome: 'DENIED' });
  }

  /** Marks an entity whose change was audited in its own transaction. */
  cover(entityType: string, entityId: string | number): void {
    const k = key(entityType, entityId);
    this.covered.add(k);
    this.reads.delete(k);
    this.last = null;
  }

  record(action: AuditAction, details: EventDetails = {}): void {
    this.events.push(this.entry(action, details));
  }

  /** Builds an entry stamped with this request's actor, for writing inside a transaction. */
  entry(action: AuditAction, d: EventDetails = {}, occurredAt = this.clock.now().toISOString()): NewAuditEntry {
    return {
      occurredAt,
      actorId: this.actor.actorId,
      actorRole: this.actor.actorRole,
      action,
      entityType: d.entityType ?? null,
      entityId: d.entityId === undefined || d.entityId === null ? null : String(d.entityId),
      subjectId: d.subjectId ?? null,
      fieldList: [...(d.fields ?? [])].sort().join(','),
      caseId: d.caseId ?? null,
      reason: d.reason ?? null,
      requestId: this.actor.requestId,
      clientIp: this.actor.clientIp,
      outcome: d.outcome ?? 'ALLOWED',
      changes: d.changes ? JSON.stringify(d.changes) : null,
    };
  }

  /** Takes every pending entry (reads last, as they happened during execution). */
  drain(): NewAuditEntry[] {
    const entries = this.events;
    this.events = [];
    if (this.reads.size === 0) return entries;
    const occurredAt = this.clock.now().toISOString();
    for (const read of this.reads.values()) {
      const { breakGlassReason, caseId } = read.justification;
      entries.push(
        this.entry(breakGlassReason ? 'BREAK_GLASS' : 'READ', {
          entityType: read.entityType,
          entityId: read.entityId,
          subjectId: read.subjectId,
          fields: [...read.fields],
          caseId,
          reason: breakGlassReason ?? null,
        }, occurredAt),
      );
    }
    this.reads.clear();
    this.last = null;
    return entries;
  }
}
