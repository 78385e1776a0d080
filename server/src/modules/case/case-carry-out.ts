import type { EntityManager } from 'typeorm';
import { PERSONAL_DATA_FIELDS, type CaseType } from '@mamori/shared';
import type { Clock } from '../../clock';
import { badInput, conflict } from '../../errors';
import type { Caller } from '../common/caller';
import type { AuditWriter } from '../audit/audit-writer';
import type { DataSubject } from '../data-subject/data-subject.entity';
import type { DataSubjectService, SubjectPatch } from '../data-subject/data-subject.service';
import type { ProvisionService } from '../provision/provision.service';
import type { PurposeService } from '../purpose/purpose.service';
import type { Case } from './case.entity';
import { isShortPath } from './case.workflow';
import { fieldsOfItems, heldFieldsOf } from './requested-items';
import type { SubjectChangesInput } from './subject-changes.input';

const PERSONAL = PERSONAL_DATA_FIELDS.DataSubject;

interface Step {
  manager: EntityManager;
  c: Case;
  subject: DataSubject;
  caller: Caller;
  amendments: SubjectChangesInput | null | undefined;
}

/** The personal fields of a subject that hold a value. */
export const heldFields = (subject: DataSubject) => PERSONAL.filter((f) => subject[f] !== null && subject[f] !== undefined);

/** The sent values of an amendment, as a patch: only fields of the requested items; an addition may not clear a field. */
function patchOf(c: Case, amendments: SubjectChangesInput | null | undefined): SubjectPatch {
  if (!amendments) throw badInput('amendments', `An ${c.type} is carried out with the new values (amendments)`);
  const requested = fieldsOfItems(c.requestedItems) as readonly string[];
  const patch: SubjectPatch = {};
  for (const field of PERSONAL) {
    const value = amendments[field];
    if (value === undefined) continue;
    if (!requested.includes(field)) throw badInput(`amendments.${field}`, `${field} is not among the items the request names`);
    if (value === null && c.type === 'ADDITION') throw badInput(`amendments.${field}`, 'An addition cannot clear a field');
    patch[field] = value as never;
  }
  return patch;
}

/**
 * Carrying a request out, under its case and audited as such, inside the
 * caller's transaction. Each step returns the names of the subject's fields it
 * disclosed or changed (kept on the case; values never are).
 */
export class CaseCarryOut {
  private readonly steps: Record<Exclude<CaseType, 'INQUIRY' | 'COMPLAINT'>, (step: Step) => Promise<string[]>>;

  constructor(
    private readonly subjects: DataSubjectService,
    private readonly provisions: ProvisionService,
    private readonly purposes: PurposeService,
    private readonly writer: AuditWriter,
    private readonly clock: Clock,
  ) {
    this.steps = {
      DISCLOSURE: (s) => this.disclose(s),
      AMENDMENT: (s) => this.amend(s),
      ADDITION: (s) => this.amend(s),
      DELETION: (s) => this.erase(s),
      CESSATION_OF_USE: (s) => this.flag(s, 'restricted'),
      CESSATION_OF_PROVISION: (s) => this.flag(s, 'provisionStopped'),
      DISCLOSURE_OF_PROVISION_RECORDS: (s) => this.discloseProvisions(s),
      PURPOSE_NOTIFICATION: (s) => this.notifyPurposes(s),
    };
  }

  /** Carries `c` out (it must be IN_PROGRESS with a subject) and stamps it; the caller saves the case. */
  async run(manager: EntityManager, c: Case, caller: Caller, amendments?: SubjectChangesInput | null): Promise<void> {
    if (c.carriedOutAt) throw conflict('ALREADY_CARRIED_OUT', 'This request has already been carried out');
    if (c.status !== 'IN_PROGRESS') throw conflict('INVALID_TRANSITION', 'A request is carried out while it is IN_PROGRESS');
    if (isShortPath(c)) {
      c.outcomeFields = [];
    } else {
      const subject = await this.subjects.find(c.subjectId!, manager);
      c.outcomeFields = await this.steps[c.type as keyof CaseCarryOut['steps']]({ manager, c, subject, caller, amendments });
    }
    c.carriedOutAt = this.clock.now().toISOString();
    c.carriedOutById = caller.user!.id;
  }

  /** Disclosure: the held fields of the requested items (nothing else) are compiled for the reply; a READ under the case. */
  private async disclose({ manager, c, subject, caller }: Step): Promise<string[]> {
    const fields = c.requestedItems.flatMap((i) => (i.item === 'OTHER' ? [] : heldFieldsOf(i.item, subject)));
    if (fields.length === 0) return [];
    await this.writer.writeWithin(manager, [
      caller.audit.entry('READ', { entityType: 'DataSubject', entityId: subject.id, subjectId: subject.id, fields, caseId: c.id, reason: 'disclosure compiled' }),
    ]);
    return fields;
  }

  private async amend({ manager, c, subject, caller, amendments }: Step): Promise<string[]> {
    if (subject.erasedAt) throw conflict('SUBJECT_ERASED', 'This data subject has been erased');
    const before = { ...subject };
    const after = await this.subjects.applyChange(manager, subject, patchOf(c, amendments), caller, c.id);
    return PERSONAL.filter((f) => before[f] !== after[f]);
  }

  /** Deletion: a tombstone replaces the personal fields and the subject's audit key is destroyed. */
  private async erase({ manager, c, subject, caller }: Step): Promise<string[]> {
    const fields = heldFields(subject);
    await this.subjects.erase(String(subject.id), c.id, caller, manager);
    return fields;
  }

  private async flag({ manager, c, subject, caller }: Step, flag: 'restricted' | 'provisionStopped'): Promise<string[]> {
    await this.subjects.setFlags(manager, subject.id, { [flag]: true });
    await this.writer.writeWithin(manager, [
      caller.audit.entry('UPDATE', { entityType: 'DataSubject', entityId: subject.id, subjectId: subject.id, fields: [flag], caseId: c.id }),
    ]);
    return [flag];
  }

  /** The purposes of use in force for the subject's category are compiled for the reply; holding data under no purpose is refused. */
  private async notifyPurposes({ manager, c, subject, caller }: Step): Promise<string[]> {
    const purposes = await this.purposes.inForceFor(subject.category);
    if (purposes.length === 0) {
      throw conflict('NO_PURPOSE_OF_USE', `No purpose of use in force covers the category ${subject.category}; record one before notifying`, { category: subject.category });
    }
    await this.writer.writeWithin(manager, [
      caller.audit.entry('READ', {
        entityType: 'PurposeOfUse',
        subjectId: subject.id,
        caseId: c.id,
        reason: `${purposes.length} purpose(s) of use compiled for ${subject.category}`,
      }),
    ]);
    return [];
  }

  private async discloseProvisions({ manager, c, subject, caller }: Step): Promise<string[]> {
    const count = await this.provisions.countOfSubject(subject.id, { from: c.periodFrom, to: c.periodTo }, manager);
    await this.writer.writeWithin(manager, [
      caller.audit.entry('READ', {
        entityType: 'ThirdPartyProvision',
        subjectId: subject.id,
        caseId: c.id,
        reason: `${count} provision record(s) compiled`,
      }),
    ]);
    return [];
  }
}
