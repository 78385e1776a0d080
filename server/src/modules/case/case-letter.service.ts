import { PERSONAL_DATA_FIELDS } from '@mamori/shared';
import { japanDay, type Clock } from '../../clock';
import { conflict } from '../../errors';
import type { Caller } from '../common/caller';
import type { DataSubject } from '../data-subject/data-subject.entity';
import type { DataSubjectService } from '../data-subject/data-subject.service';
import type { ProvisionService } from '../provision/provision.service';
import { requireWorker } from './case.access';
import type { Case } from './case.entity';
import { isCompleted } from './case.rules';
import type { CaseService } from './case.service';
import { heldFields } from './case-carry-out';
import { renderReplyLetter, type LetterModel } from './reply-letter';
import type { LetterLanguage } from './reply-letter.labels';

const SUBJECT_FIELDS = PERSONAL_DATA_FIELDS.DataSubject as readonly string[];
type SubjectField = (typeof PERSONAL_DATA_FIELDS.DataSubject)[number];

/** The written reply: composed from the case, its subject and provision records; generating it is an audited read. */
export class CaseLetterService {
  constructor(
    private readonly cases: CaseService,
    private readonly subjects: DataSubjectService,
    private readonly provisions: ProvisionService,
    private readonly clock: Clock,
  ) {}

  async replyLetter(id: string, language: LetterLanguage, caller: Caller): Promise<string> {
    const c = await this.cases.findVisible(id, caller);
    requireWorker(c, caller);
    if (!isCompleted(c)) throw conflict('CASE_NOT_COMPLETED', 'The reply letter is written once the case is RESPONDED or REJECTED');
    const subject = c.subjectId ? await this.subjects.find(c.subjectId) : null;
    const rejected = c.nonDisclosureReasons.length > 0;
    const fields = rejected || !subject ? [] : this.fieldsShown(c, subject);
    const model: LetterModel = {
      language,
      today: japanDay(this.clock.now()),
      reference: c.reference,
      receivedOn: c.receivedOn,
      type: c.type,
      requester: c.requester,
      requesterName: c.requesterName,
      representativeName: c.representativeName,
      replyAddress: c.replyAddress,
      dataItems: c.dataItems,
      data: subject ? fields.map((f) => ({ field: f, value: String(subject[f]) })) : [],
      category: !rejected && c.type === 'DISCLOSURE' && subject && !subject.erasedAt ? subject.category : null,
      provisions: !rejected && subject && c.type === 'DISCLOSURE_OF_PROVISION_RECORDS' ? await this.provisions.ofSubject(subject.id) : [],
      reasons: c.nonDisclosureReasons,
      answer: await this.answer(c),
    };
    this.audit(c, subject, fields, caller);
    return renderReplyLetter(model);
  }

  /** Disclosure: everything held; amendment and addition: the changed fields as they now stand. */
  private fieldsShown(c: Case, subject: DataSubject): SubjectField[] {
    if (c.type === 'DISCLOSURE') return subject.erasedAt ? [] : heldFields(subject);
    if (c.type === 'AMENDMENT' || c.type === 'ADDITION') {
      return c.outcomeFields.filter((f): f is SubjectField => SUBJECT_FIELDS.includes(f) && subject[f as SubjectField] !== null);
    }
    return [];
  }

  /** An inquiry or complaint is answered in the note of its RESPONDED transition. */
  private async answer(c: Case): Promise<string | null> {
    if (c.type !== 'INQUIRY' && c.type !== 'COMPLAINT') return null;
    const timeline = await this.cases.timeline(c.id);
    return timeline.reverse().find((t) => t.to === 'RESPONDED')?.note ?? null;
  }

  private audit(c: Case, subject: DataSubject | null, fields: string[], caller: Caller): void {
    const justification = { caseId: c.id };
    const caseFields = ['requesterName', 'replyAddress', ...(c.representativeName ? ['representativeName'] : [])];
    for (const f of caseFields) caller.audit.recordRead('Case', c.id, c.subjectId, f, justification);
    if (subject && fields.length) for (const f of fields) caller.audit.recordRead('DataSubject', subject.id, subject.id, f, justification);
  }
}
