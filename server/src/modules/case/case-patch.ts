import { badInput } from '../../errors';
import { canonicalName } from '../common/japanese-text';
import type { Case } from './case.entity';
import type { UpdateCaseArgs } from './case.inputs';
import { checkRequestedItems, type RequestedItemInput } from './requested-items';

/** Turning updateCase's flat arguments into the real changes of a case. */

const REQUIRED = new Set([
  'type',
  'requester',
  'requesterName',
  'replyAddress',
  'channel',
  'receivedOn',
  'requestedItems',
  'disclosureMethod',
  'feeYen',
  'hasRequestForm',
  'hasProxyLetter',
]);

/** What the intake decides and the workflow's rules were checked against: fixed once the work starts. */
export const INTAKE_ONLY = new Set([
  'type',
  'requester',
  'receivedOn',
  'requestedItems',
  'feeYen',
  'hasRequestForm',
  'identityDocument',
  'hasProxyLetter',
  'sealCertificateIssuedOn',
  'periodFrom',
  'periodTo',
]);

const DAYS = ['receivedOn', 'sealCertificateIssuedOn', 'periodFrom'];

/** Names of people: full-width and repeated spaces as one space, like a data subject's name. */
const NAMES = new Set(['requesterName', 'representativeName']);

function normalise(field: string, value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = NAMES.has(field) ? canonicalName(value) : value.trim();
    if (trimmed === '' && REQUIRED.has(field)) throw badInput(field, `${field} cannot be empty`);
    return trimmed === '' ? null : trimmed;
  }
  if (field === 'requestedItems') return checkRequestedItems(value as RequestedItemInput[]);
  return value;
}

/** The fields sent (id aside), normalised; required fields cannot be emptied and days cannot be in the future. */
export function casePatch(args: UpdateCaseArgs, today: string): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(args)) {
    if (field === 'id' || value === undefined) continue;
    if (value === null && REQUIRED.has(field)) throw badInput(field, `${field} cannot be emptied`);
    patch[field] = normalise(field, value);
  }
  for (const field of DAYS) {
    const day = patch[field];
    if (typeof day === 'string' && day > today) throw badInput(field, `${field} cannot be in the future`);
  }
  return patch;
}

/** A period asked for is a day range with its end after its start. */
export function checkPeriod(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && to <= from) throw badInput('periodTo', 'periodTo must come after periodFrom');
}

/** The entries of `patch` that differ from the case as stored (unchanged values sent back by the UI are ignored). */
export function changedFields(c: Case, patch: Record<string, unknown>): Array<[string, unknown]> {
  const stored = c as unknown as Record<string, unknown>;
  return Object.entries(patch).filter(([field, value]) => JSON.stringify(stored[field] ?? null) !== JSON.stringify(value ?? null));
}
