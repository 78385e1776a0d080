import { DATA_ITEM_FIELDS, type CaseType, type RequestedItemValue } from '@mamori/shared';
import type { DataSubject } from '../data-subject/data-subject.entity';
import type { Case } from './case.entity';
import type { ItemAnswer, LetterBody, ProvisionLine, PurposeLine } from './reply-letter';
import type { ItemOutcome } from './reply-letter.labels';
import { heldFieldsOf } from './requested-items';

/** What a composer may draw on; everything is loaded by the letter service first. */
export interface ReplySources {
  c: Case;
  subject: DataSubject | null;
  provisions: () => Promise<ProvisionLine[]>;
  answer: () => Promise<string>;
  /** The purposes of use in force for the subject's category. */
  purposes: () => Promise<PurposeLine[]>;
}

type Composer = (s: ReplySources) => LetterBody | Promise<LetterBody>;

const valueOf = (subject: DataSubject | null, field: string) => {
  const value = subject ? (subject as unknown as Record<string, unknown>)[field] : null;
  return value === null || value === undefined ? null : String(value);
};

/**
 * One answer per requested item. `decide` says what became of an item from the
 * fields of it the request touched (`touched`: disclosed or changed, from the
 * case's outcomeFields); OTHER items are answered by hand.
 */
function perItem(s: ReplySources, decide: (item: RequestedItemValue, touched: string[]) => { outcome: ItemOutcome; show: boolean }): ItemAnswer[] {
  return s.c.requestedItems.map((item) => {
    if (item.item === 'OTHER') return { item, outcome: 'BY_HAND', values: [] };
    const touched = DATA_ITEM_FIELDS[item.item].filter((f) => s.c.outcomeFields.includes(f));
    const { outcome, show } = decide(item, touched);
    return { item, outcome, values: show ? touched.map((field) => ({ field, value: valueOf(s.subject, field) })) : [] };
  });
}

/** Disclosure shows the fields compiled when it was carried out that still hold a value, and nothing else. */
function disclosure(s: ReplySources): LetterBody {
  const answers = perItem(s, (_item, touched) => {
    const shown = touched.filter((f) => valueOf(s.subject, f) !== null);
    return shown.length ? { outcome: 'DISCLOSED', show: true } : { outcome: 'NOT_HELD', show: false };
  }).map((a) => ({ ...a, values: a.values.filter((v) => v.value !== null) }));
  return { kind: 'items', heading: 'heldData', answers };
}

const change: Composer = (s) => ({
  kind: 'items',
  heading: 'changedData',
  answers: perItem(s, (_item, touched) => (touched.length ? { outcome: 'CHANGED', show: true } : { outcome: 'UNCHANGED', show: false })),
});

/** Deletion erases the whole record: each requested item is deleted when it was held. */
const deletion: Composer = (s) => ({
  kind: 'items',
  heading: null,
  answers: perItem(s, (_item, touched) => ({ outcome: touched.length ? 'DELETED' : 'NOT_HELD', show: false })),
});

/** A cessation stops the subject's use or provision as a whole: each requested item held is stopped. */
const cessation: Composer = (s) => ({
  kind: 'items',
  heading: null,
  answers: perItem(s, (item) => ({ outcome: s.subject && heldFieldsOf(item.item, s.subject).length ? 'STOPPED' : 'NOT_HELD', show: false })),
});

/**
 * The body of a carried-out request, per case type. A new case type must say
 * here what its letter answers (the Record makes the compiler ask).
 */
export const REPLY_CONTENTS: Record<CaseType, Composer> = {
  DISCLOSURE: disclosure,
  AMENDMENT: change,
  ADDITION: change,
  DELETION: deletion,
  CESSATION_OF_USE: cessation,
  CESSATION_OF_PROVISION: cessation,
  DISCLOSURE_OF_PROVISION_RECORDS: async (s) => ({ kind: 'provisions', periodFrom: s.c.periodFrom, periodTo: s.c.periodTo, provisions: await s.provisions() }),
  PURPOSE_NOTIFICATION: async (s) => ({ kind: 'purposes', category: s.subject?.category ?? null, purposes: await s.purposes() }),
  INQUIRY: async (s) => ({ kind: 'answer', answer: await s.answer() }),
  COMPLAINT: async (s) => ({ kind: 'answer', answer: await s.answer() }),
};

/** The subject's fields whose values the letter shows: exactly what its audited READ names. */
export const shownFields = (body: LetterBody): string[] =>
  body.kind === 'items' ? [...new Set(body.answers.flatMap((a) => a.values.filter((v) => v.value !== null).map((v) => v.field)))] : [];
