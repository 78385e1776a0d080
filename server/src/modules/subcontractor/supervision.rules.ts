import type { ReviewResult } from '@mamori/shared';
import { addDays, addMonths, daysBetween } from '../../clock';
import type { RefusalRuleValue } from './supervision.enums';

/**
 * The policy's outsourcing rules as pure functions of the records and a day
 * (`YYYY-MM-DD`, Japan time): "only to subcontractors that have signed a
 * confidentiality agreement and meet the company's protection standards; the
 * company manages and supervises them regularly".
 */
export const EXPIRING_SOON_DAYS = 30;
/** A subcontractor assessed but never reviewed is due for its first review this long after the assessment. */
export const FIRST_REVIEW_MONTHS = 12;

export interface AgreementTerms {
  id: number;
  effectiveFrom: string;
  expiresOn: string;
}
export interface ReviewOutcome {
  id: number;
  reviewedOn: string;
  result: ReviewResult;
  nextReviewDue: string;
}
export interface SubcontractorState {
  active: boolean;
  meetsStandards: boolean;
  lastAssessedOn: string | null;
}

/** In force from `effectiveFrom` through `expiresOn`, both included. */
export const inForce = (a: AgreementTerms, day: string) => a.effectiveFrom <= day && day <= a.expiresOn;
/** Days from `day` to the last day in force (0 on that day). */
export const daysToExpiry = (a: AgreementTerms, day: string) => daysBetween(day, a.expiresOn);
/** In force and its last day is at most 30 days away. */
export const expiringSoon = (a: AgreementTerms, day: string) => inForce(a, day) && daysToExpiry(a, day) <= EXPIRING_SOON_DAYS;
/** Another agreement of the same subcontractor takes over without a gap and runs longer. */
export const renewed = (a: AgreementTerms, siblings: readonly AgreementTerms[]) =>
  siblings.some((o) => o.id !== a.id && o.effectiveFrom <= addDays(a.expiresOn, 1) && o.expiresOn > a.expiresOn);

const byReviewOrder = (x: ReviewOutcome, y: ReviewOutcome) => (x.reviewedOn === y.reviewedOn ? x.id - y.id : x.reviewedOn < y.reviewedOn ? -1 : 1);

/** Reviews held on or before `day`, oldest first (same day: in the order recorded). */
export function reviewsUpTo(reviews: readonly ReviewOutcome[], day: string): ReviewOutcome[] {
  return reviews.filter((r) => r.reviewedOn <= day).sort(byReviewOrder);
}

export function latestReview(reviews: readonly ReviewOutcome[]): ReviewOutcome | null {
  return [...reviews].sort(byReviewOrder).at(-1) ?? null;
}

/** A later review exists, so this one no longer sets the next due day. */
export const superseded = (r: ReviewOutcome, siblings: readonly ReviewOutcome[]) => latestReview(siblings)?.id !== r.id;

/** A NON_COMPLIANT result flags the subcontractor until a later COMPLIANT review (FINDINGS does not lift it). */
export function flaggedNonCompliant(reviews: readonly ReviewOutcome[], day: string): boolean {
  let flagged = false;
  for (const r of reviewsUpTo(reviews, day)) {
    if (r.result === 'NON_COMPLIANT') flagged = true;
    else if (r.result === 'COMPLIANT') flagged = false;
  }
  return flagged;
}

/** The latest review sets the next one; before any review, 12 months after the last assessment. */
export function nextReviewDue(s: SubcontractorState, reviews: readonly ReviewOutcome[]): string | null {
  const latest = latestReview(reviews);
  if (latest) return latest.nextReviewDue;
  return s.lastAssessedOn ? addMonths(s.lastAssessedOn, FIRST_REVIEW_MONTHS) : null;
}

export interface Standing {
  agreementInForce: boolean;
  /** The last day covered by the agreements in force (null when none is). */
  agreementExpiresOn: string | null;
  flaggedNonCompliant: boolean;
  lastReviewedOn: string | null;
  nextReviewDue: string | null;
  /** Active, and the next review's day has passed (due on the day itself is not overdue). */
  reviewOverdue: boolean;
  notAllowedBecause: RefusalRuleValue[];
  allowedToReceiveData: boolean;
}

/** Whether the subcontractor may receive personal data on `day`, and every reason it may not. */
export function standing(
  s: SubcontractorState,
  agreements: readonly AgreementTerms[],
  reviews: readonly ReviewOutcome[],
  day: string,
): Standing {
  const current = agreements.filter((a) => inForce(a, day));
  const agreementExpiresOn = current.length ? current.map((a) => a.expiresOn).sort().at(-1)! : null;
  const flagged = flaggedNonCompliant(reviews, day);
  const due = nextReviewDue(s, reviews);
  const reasons: RefusalRuleValue[] = [];
  if (!s.active) reasons.push('SUBCONTRACTOR_INACTIVE');
  if (!current.length) reasons.push('NO_AGREEMENT_IN_FORCE');
  if (flagged) reasons.push('SUBCONTRACTOR_NON_COMPLIANT');
  if (!s.meetsStandards) reasons.push('DOES_NOT_MEET_STANDARDS');
  return {
    agreementInForce: current.length > 0,
    agreementExpiresOn,
    flaggedNonCompliant: flagged,
    lastReviewedOn: latestReview(reviews)?.reviewedOn ?? null,
    nextReviewDue: due,
    reviewOverdue: s.active && due !== null && due < day,
    notAllowedBecause: reasons,
    allowedToReceiveData: reasons.length === 0,
  };
}

/** A hand-over still open after its end day (the end day itself is not past). */
export const pastEnd = (e: { closedOn: string | null; endsOn: string }, day: string) => e.closedOn === null && e.endsOn < day;
