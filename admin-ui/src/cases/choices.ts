import { CASE_STATUSES, CASE_TYPES, CHANNELS, DISCLOSURE_METHODS, IDENTITY_DOCUMENTS, NON_DISCLOSURE_REASONS, REQUESTER_KINDS } from '@mamori/shared';
import { enumChoices } from '../i18n';

export const caseStatusChoices = enumChoices('CaseStatus', CASE_STATUSES);
export const caseTypeChoices = enumChoices('CaseType', CASE_TYPES);
export const requesterChoices = enumChoices('RequesterKind', REQUESTER_KINDS);
export const channelChoices = enumChoices('Channel', CHANNELS);
export const disclosureMethodChoices = enumChoices('DisclosureMethod', DISCLOSURE_METHODS);
export const identityDocumentChoices = enumChoices('IdentityDocument', IDENTITY_DOCUMENTS);
export const nonDisclosureReasonChoices = enumChoices('NonDisclosureReason', NON_DISCLOSURE_REASONS);
