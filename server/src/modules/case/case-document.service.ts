import { IsNull, type EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import type { Caller } from '../common/caller';
import { toId } from '../common/list';
import type { AuditWriter } from '../audit/audit-writer';
import { requireEditor } from './case.access';
import type { CaseService } from './case.service';
import type { Case } from './case.entity';
import { CaseDocument, UPLOAD_KINDS, type DocumentKind } from './case-document.entity';
import { detectContentType, extensionOf, MAX_DOCUMENT_BYTES, type DocumentStore } from './document-store';

/** Scans attached to a case: type- and size-checked, encrypted at rest, every download audited. */
export class CaseDocumentService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly store: DocumentStore,
    private readonly writer: AuditWriter,
    private readonly cases: CaseService,
  ) {}

  ofCase(caseId: number): Promise<CaseDocument[]> {
    return this.db.manager.find(CaseDocument, { where: { caseId }, order: { id: 'ASC' } });
  }

  async upload(caseId: string, kind: string, content: Buffer, caller: Caller): Promise<CaseDocument> {
    if (!(UPLOAD_KINDS as readonly string[]).includes(kind)) throw badInput('kind', `kind must be one of ${UPLOAD_KINDS.join(', ')}`);
    const c = await this.cases.findVisible(caseId, caller);
    requireEditor(c, caller);
    if (content.length === 0) throw badInput('body', 'The document is empty');
    if (content.length > MAX_DOCUMENT_BYTES) throw badInput('body', 'A document may be at most 10 MB');
    const contentType = detectContentType(content);
    if (!contentType) throw badInput('body', 'Only PDF, PNG and JPEG scans are accepted');
    return this.save(c, kind as DocumentKind, contentType, content, caller);
  }

  /** A document the system made for the case (the electronic reply), stored and audited like an upload. */
  async saveGenerated(c: Case, kind: DocumentKind, contentType: string, content: Buffer, caller: Caller): Promise<CaseDocument> {
    requireEditor(c, caller);
    return this.save(c, kind, contentType, content, caller);
  }

  private async save(c: Case, kind: DocumentKind, contentType: string, content: Buffer, caller: Caller): Promise<CaseDocument> {
    if (c.status === 'CLOSED' || c.documentsDestroyedAt) throw conflict('CASE_CLOSED', 'Documents are attached while the case is open');
    const storageKey = this.store.newKey();
    await this.store.put(c.id, storageKey, content);
    try {
      const saved = await this.db.transaction(async (manager) => {
        const document = await manager.save(
          manager.create(CaseDocument, {
            caseId: c.id,
            kind,
            contentType,
            sizeBytes: content.length,
            storageKey,
            uploadedById: caller.user!.id,
            uploadedAt: this.clock.now().toISOString(),
            destroyedAt: null,
          }),
        );
        const entry = { entityType: 'CaseDocument', entityId: document.id, subjectId: c.subjectId, caseId: c.id, reason: kind };
        await this.writer.writeWithin(manager, [caller.audit.entry('CREATE', entry)]);
        return document;
      });
      this.writer.committed();
      return saved;
    } catch (error) {
      await this.store.remove(storageKey);
      throw error;
    }
  }

  /** The decrypted content; its DOWNLOAD entry is pending in caller.audit and must be committed before it is sent. */
  async download(caseId: string, documentId: string, caller: Caller): Promise<{ document: CaseDocument; content: Buffer; filename: string }> {
    const c = await this.cases.findVisible(caseId, caller);
    const document = await this.db.manager.findOneBy(CaseDocument, { id: toId(documentId, 'documentId'), caseId: c.id });
    if (!document) throw notFound('CaseDocument', documentId);
    if (document.destroyedAt) throw conflict('DOCUMENT_DESTROYED', 'This document was destroyed by the retention run');
    const content = await this.store.get(c.id, document.storageKey);
    caller.audit.record('DOWNLOAD', { entityType: 'CaseDocument', entityId: document.id, subjectId: c.subjectId, caseId: c.id, reason: document.kind });
    return { document, content, filename: `${c.reference}-${document.id}.${extensionOf(document.contentType)}` };
  }

  /** Retention: marks the case's documents destroyed and removes their files, inside the caller's transaction. */
  async destroyAll(manager: EntityManager, caseId: number, at: string): Promise<CaseDocument[]> {
    const documents = await manager.findBy(CaseDocument, { caseId, destroyedAt: IsNull() });
    if (documents.length === 0) return documents;
    await manager.update(CaseDocument, { caseId, destroyedAt: IsNull() }, { destroyedAt: at });
    for (const document of documents) await this.store.remove(document.storageKey);
    return documents;
  }
}
