import { Field, Int, ObjectType } from 'type-graphql';
import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { DateTimeScalar } from '../common/scalars';
import type { AuditWriter } from '../audit/audit-writer';
import type { RequestAudit } from '../audit/request-audit';
import type { Case } from '../case/case.entity';
import type { CaseService } from '../case/case.service';
import type { CaseDocumentService } from '../case/case-document.service';
import type { ProvisionService } from '../provision/provision.service';

@ObjectType()
export class RetentionResult {
  @Field(() => Int, { description: 'Cases whose documents were destroyed in this run' })
  casesPurged!: number;

  @Field(() => Int, { description: 'Stored document files destroyed in this run' })
  documentsDestroyed!: number;

  @Field(() => Int, { description: 'Provision records past three years, listed for review (never deleted)' })
  provisionsPastRetention!: number;

  @Field(() => DateTimeScalar)
  ranAt!: string;
}

/**
 * The retention run: a case's submitted documents are destroyed one year
 * after the response was completed (files removed, rows marked), each
 * destruction an audited RETENTION_PURGE. Nothing else is deleted; provision
 * records past three years are only counted for review.
 */
export class RetentionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly cases: CaseService,
    private readonly documents: CaseDocumentService,
    private readonly provisions: ProvisionService,
    private readonly writer: AuditWriter,
  ) {}

  async run(audit: RequestAudit): Promise<RetentionResult> {
    const ranAt = this.clock.now().toISOString();
    const today = japanDay(this.clock.now());
    let casesPurged = 0;
    let documentsDestroyed = 0;
    for (const c of await this.cases.dueForDocumentDestruction(today)) {
      const destroyed = await this.purge(c, ranAt, audit);
      if (destroyed === null) continue;
      casesPurged++;
      documentsDestroyed += destroyed;
    }
    this.writer.committed();
    return { casesPurged, documentsDestroyed, provisionsPastRetention: await this.provisions.countPastRetention(today), ranAt };
  }

  /** One case in one transaction: documents marked, files removed, entries written; null when another run did it. */
  private purge(c: Case, at: string, audit: RequestAudit): Promise<number | null> {
    return this.db.transaction(async (manager) => {
      if (!(await this.cases.markDocumentsDestroyed(manager, c.id, at))) return null;
      const documents = await this.documents.destroyAll(manager, c.id, at);
      const base = { subjectId: c.subjectId, caseId: c.id };
      await this.writer.writeWithin(manager, [
        ...documents.map((d) => audit.entry('RETENTION_PURGE', { ...base, entityType: 'CaseDocument', entityId: d.id, reason: d.kind })),
        audit.entry('RETENTION_PURGE', { ...base, entityType: 'Case', entityId: c.id, reason: `${documents.length} document(s) destroyed` }),
      ]);
      return documents.length;
    });
  }
}
