import { allow, deny, shield, type IRule, type IRules } from 'graphql-shield';
import { PERSONAL_DATA_FIELDS, type PersonalDataType } from '@mamori/shared';
import { forbidden, isAppError } from '../errors';
import {
  canReadCaseData,
  canReadSubjectData,
  isAnyRole,
  isAuthenticated,
  isManager,
  isManagerOrStaff,
  isStaff,
} from './rules';

type ShieldRule = IRule;

/** Every personal field of a type gets the same guard; the list comes from `shared`. */
function guardPersonal(type: PersonalDataType, guard: ShieldRule): Record<string, ShieldRule> {
  return Object.fromEntries(PERSONAL_DATA_FIELDS[type].map((field) => [field, guard]));
}

/**
 * The one place that says who may do what. Anything not named here is denied
 * (fallbackRule: deny). Object types are listed with `'*': allow` for their
 * non-personal fields, so a new type or field shows up here as a deliberate
 * entry. docs/permissions.md is generated from this map and checked by a test.
 */
export const permissionRules = {
  Query: {
    me: isAuthenticated,
    User: isManager,
    allUsers: isManager,
    _allUsersMeta: isManager,
    // audit trail: staff see their own entries only (enforced in the service)
    AuditEntry: isManagerOrStaff,
    allAuditEntries: isManagerOrStaff,
    _allAuditEntriesMeta: isManagerOrStaff,
    exportAuditEntries: isManager,
    verifyAuditChain: isManager,
    auditHead: isManager,
    verifyAuditChainExtends: isManager,
    breakGlassReviewQueue: isManager,
    // personal data: need-to-know is decided per subject (services and field rules)
    DataSubject: isManagerOrStaff,
    allDataSubjects: isManagerOrStaff,
    _allDataSubjectsMeta: isManagerOrStaff,
    matchDataSubjects: isManagerOrStaff,
    Consent: isManagerOrStaff,
    allConsents: isManagerOrStaff,
    _allConsentsMeta: isManagerOrStaff,
    PurposeOfUse: isAnyRole,
    allPurposeOfUses: isAnyRole,
    _allPurposeOfUsesMeta: isAnyRole,
    // cases: staff see those assigned to them or recorded by them (enforced in the service)
    Case: isManagerOrStaff,
    allCases: isManagerOrStaff,
    _allCasesMeta: isManagerOrStaff,
  },
  Mutation: {
    login: allow,
    changePassword: isAnyRole,
    createUser: isManager,
    updateUser: isManager,
    unlockUser: isManager,
    resetUserPassword: isManager,
    reviewBreakGlass: isManager,
    createDataSubject: isManager,
    updateDataSubject: isManagerOrStaff,
    eraseDataSubject: isManager,
    breakGlassRead: isStaff,
    createConsent: isManagerOrStaff,
    withdrawConsent: isManagerOrStaff,
    createPurposeOfUse: isManager,
    updatePurposeOfUse: isManager,
    createCase: isManagerOrStaff,
    assignCase: isManager,
  },
  User: allow,
  AuthPayload: allow,
  ListMetadata: allow,
  AuditEntry: allow,
  AuditVerification: allow,
  AuditHead: allow,
  BreakGlassReview: allow,
  DataSubject: { '*': allow, ...guardPersonal('DataSubject', canReadSubjectData) },
  SubjectMatch: allow,
  PurposeOfUse: allow,
  Consent: allow,
  Case: { '*': allow, ...guardPersonal('Case', canReadCaseData) },
} satisfies IRules;

export const permissions = shield(permissionRules, {
  fallbackRule: deny,
  allowExternalErrors: true,
  // A rule that said no without its own error: FORBIDDEN, never a stack.
  fallbackError: (thrown) => (isAppError(thrown) ? thrown : forbidden()),
  debug: false,
});
