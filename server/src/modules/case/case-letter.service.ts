import { japanDay, type Clock } from '../../clock';
import { conflict } from '../../errors';
import type { Caller } from '../common/caller';
import type { DataSubject } from '../data-subject/data-subject.entity';
import type { DataSubjectService } from '../data-subject/data-subject.service';
import type { OrganisationProfile } from '../organisation/organisation-profile.entity';
import type { OrganisationService } from '../organisation/organisation.service';
import type { ProvisionService } from '../provision/provision.service';
import type { PurposeService } from '../purpose/purpose.service';
import { requireWorker } from './case.access';
import type { Case } from './case.entity';
import { isCompleted } from './case.rules';
import type { CaseService } from './case.service';
import type { CaseDocument } from './case-document.entity';
import type { CaseDocumentService } from './case-document.service';
import { LETTER_CONTENT_TYPE } from './document-store';
import { REPLY_CONTENTS, shownFields } from './reply-contents';
import { renderReplyLetter, type LetterBody, type LetterModel, type SenderBlock } from './reply-letter';
import type { LetterLanguage } from './reply-letter.labels';

function senderOf(profile: OrganisationProfile, language: LetterLanguage): SenderBlock {
  const en = language === 'en';
  return {
    name: (en ? profile.nameEn : profile.nameJa)!,
    postalCode: profile.postalCode!,
    postalAddress: profile.postalAddress!,
    department: (en && profile.responsibleDepartmentEn) || profile.responsibleDepartment!,
    title: (en && profile.responsibleTitleEn) || profile.responsibleTitle!,
    contactEmail: profile.contactEmail!,
    requestAddress: profile.requestAddress!,
  };
}

/**
 * The written reply: composed from the case, its subject and provision
 * records, signed with the organisation profile. Generating it is an audited
 * READ of exactly the fields it shows.
 */
export class CaseLetterService {
  constructor(
    private readonly cases: CaseService,
    private readonly subjects: DataSubjectService,
    private readonly provisions: ProvisionService,
    private readonly purposes: PurposeService,
    private readonly organisation: OrganisationService,
    private readonly documents: CaseDocumentService,
    private readonly clock: Clock,
  ) {}

  async replyLetter(id: string, language: LetterLanguage, caller: Caller): Promise<string> {
    const c = await this.cases.findVisible(id, caller);
    return this.compose(c, language, caller);
  }

  /**
   * The electronic form of the reply, for an individual who asked for one: the
   * letter saved as a document of the case (downloaded, audited, like every document).
   */
  async saveElectronicReply(id: string, language: LetterLanguage, caller: Caller): Promise<CaseDocument> {
    const c = await this.cases.findVisible(id, caller);
    if (c.disclosureMethod !== 'ELECTRONIC_RECORD') {
      throw conflict('NOT_ELECTRONIC_RECORD', 'This reply goes by registered mail; the individual did not ask for an electronic record');
    }
    const html = await this.compose(c, language, caller);
    return this.documents.saveGenerated(c, 'REPLY_LETTER', LETTER_CONTENT_TYPE, Buffer.from(html, 'utf8'), caller);
  }

  private async compose(c: Case, language: LetterLanguage, caller: Caller): Promise<string> {
    requireWorker(c, caller);
    if (!isCompleted(c)) throw conflict('CASE_NOT_COMPLETED', 'The reply letter is written once the case is RESPONDED or REJECTED');
    const profile = await this.organisation.signingProfile();
    const subject = c.subjectId ? await this.subjects.find(c.subjectId) : null;
    const body = await this.body(c, subject);
    const model: LetterModel = {
      language,
      dateStyle: profile.dateStyle,
      sender: senderOf(profile, language),
      today: japanDay(this.clock.now()),
      reference: c.reference,
      receivedOn: c.receivedOn,
      type: c.type,
      requester: c.requester,
      requesterName: c.requesterName,
      representativeName: c.representativeName,
      replyAddress: c.replyAddress,
      requestedItems: c.requestedItems,
      body,
    };
    this.audit(c, subject, shownFields(body), caller);
    return renderReplyLetter(model);
  }

  private body(c: Case, subject: DataSubject | null): LetterBody | Promise<LetterBody> {
    if (c.nonDisclosureReasons.length > 0) return { kind: 'rejected', reasons: c.nonDisclosureReasons };
    return REPLY_CONTENTS[c.type]({
      c,
      subject,
      provisions: async () => (subject ? this.provisions.ofSubject(subject.id, { from: c.periodFrom, to: c.periodTo }) : []),
      answer: () => this.answer(c),
      purposes: async () => (subject ? (await this.purposes.inForceFor(subject.category)).map(({ title, titleJa }) => ({ title, titleJa })) : []),
    });
  }

  /** An inquiry or complaint is answered in the note of its RESPONDED transition. */
  private async answer(c: Case): Promise<string> {
    const timeline = await this.cases.timeline(c.id);
    return timeline.reverse().find((t) => t.to === 'RESPONDED')?.note ?? '';
  }

  private audit(c: Case, subject: DataSubject | null, fields: string[], caller: Caller): void {
    const justification = { caseId: c.id };
    const caseFields = ['requesterName', 'replyAddress', ...(c.representativeName ? ['representativeName'] : [])];
    for (const f of caseFields) caller.audit.recordRead('Case', c.id, c.subjectId, f, justification);
    if (subject && fields.length) for (const f of fields) caller.audit.recordRead('DataSubject', subject.id, subject.id, f, justification);
  }
}
