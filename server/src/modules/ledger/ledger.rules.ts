import { RISK_LEVELS, type RiskLevel } from '@mamori/shared';
import { addMonths } from '../../clock';

/** A ledger record is reviewed, and each of its risks re-assessed, once a year. */
export const REVIEW_INTERVAL_MONTHS = 12;

export const nextDueAfter = (day: string) => addMonths(day, REVIEW_INTERVAL_MONTHS);

/** Overdue once the due day has passed in Japan time; due exactly today is not yet overdue. */
export const isPastDue = (dueOn: string, today: string) => dueOn < today;

const LEVEL = (level: RiskLevel) => RISK_LEVELS.indexOf(level) + 1;

/** The risk before measures, from likelihood × impact (1–9): 6 or more HIGH, 3 or more MEDIUM. */
export function inherentRisk(likelihood: RiskLevel, impact: RiskLevel): RiskLevel {
  const score = LEVEL(likelihood) * LEVEL(impact);
  return score >= 6 ? 'HIGH' : score >= 3 ? 'MEDIUM' : 'LOW';
}

/** Measures lower a risk, never raise it. */
export const residualWithinInherent = (residual: RiskLevel, inherent: RiskLevel) => LEVEL(residual) <= LEVEL(inherent);

/** A HIGH residual risk with nothing planned against it. */
export const isUnmitigated = (a: { residualRisk: RiskLevel; plannedMeasure: string | null }) => a.residualRisk === 'HIGH' && !a.plannedMeasure;

/** What the risk assessments in force of one ledger record add up to. */
export interface RiskStanding {
  assessments: number;
  overdue: number;
  unmitigated: number;
}

export function riskStandingOf(assessments: ReadonlyArray<{ nextAssessmentDue: string; residualRisk: RiskLevel; plannedMeasure: string | null }>, today: string): RiskStanding {
  return {
    assessments: assessments.length,
    overdue: assessments.filter((a) => isPastDue(a.nextAssessmentDue, today)).length,
    unmitigated: assessments.filter(isUnmitigated).length,
  };
}

/** Region codes that name no country a transfer could go to. */
const NOT_A_COUNTRY = new Set(['JP', 'EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB']);
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** An ISO 3166-1 alpha-2 code of a country other than Japan. */
export const isForeignCountry = (code: string) => /^[A-Z]{2}$/.test(code) && !NOT_A_COUNTRY.has(code) && REGION_NAMES.of(code) !== undefined;

const EMAIL = /[^\s@＠]+[@＠][^\s@＠]+\.[^\s@＠]+/u;
// A Japanese telephone number as typed: 0 or +81, then 9 or 10 more digits with optional separators.
const PHONE = /(?:\+81|(?<!\d)0)(?:[\s\-‐－ー()]?\d){9,10}(?!\d)/u;

/**
 * The ledger describes personal information; it holds none. A free text that
 * carries an e-mail address or a telephone number is someone's contact data
 * and is refused (a department or a system is named, not a person).
 */
export const looksLikeContactData = (text: string) => {
  const plain = text.normalize('NFKC');
  return EMAIL.test(plain) || PHONE.test(plain);
};
