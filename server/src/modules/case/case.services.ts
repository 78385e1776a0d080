import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Database } from '../../db/data-source';
import type { AuditWriter } from '../audit/audit-writer';
import type { SubjectKeys } from '../audit/subject-keys';
import type { DataSubjectService } from '../data-subject/data-subject.service';
import type { OrganisationService } from '../organisation/organisation.service';
import type { PurposeService } from '../purpose/purpose.service';
import { ProvisionService } from '../provision/provision.service';
import { RetentionScheduler } from '../retention/retention.scheduler';
import { RetentionService } from '../retention/retention.service';
import { CaseService } from './case.service';
import { CaseCarryOut } from './case-carry-out';
import { CaseDocumentService } from './case-document.service';
import { CaseLetterService } from './case-letter.service';
import { CaseWorkflowService } from './case-workflow.service';
import { DocumentStore } from './document-store';

/** The services of requests for disclosure, etc.: cases, their documents and letters, provision records, retention. */
export function createCaseServices(
  db: Database,
  clock: Clock,
  config: Config,
  auditWriter: AuditWriter,
  subjectKeys: SubjectKeys,
  subjects: DataSubjectService,
  organisation: OrganisationService,
  purposes: PurposeService,
) {
  const cases = new CaseService(db, clock, auditWriter, subjectKeys);
  const provisions = new ProvisionService(db, clock, subjects);
  const carryOut = new CaseCarryOut(subjects, provisions, purposes, auditWriter, clock);
  const caseDocuments = new CaseDocumentService(db, clock, new DocumentStore(config.documentDir, config.auditHmacKey), auditWriter, cases);
  const retention = new RetentionService(db, clock, cases, caseDocuments, provisions, auditWriter);
  return {
    cases,
    caseWorkflow: new CaseWorkflowService(db, clock, cases, subjects, carryOut, auditWriter),
    caseLetters: new CaseLetterService(cases, subjects, provisions, purposes, organisation, caseDocuments, clock),
    caseDocuments,
    provisions,
    retention,
    retentionScheduler: new RetentionScheduler(retention, clock, db),
  };
}
