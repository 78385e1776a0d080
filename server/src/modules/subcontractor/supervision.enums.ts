import { registerEnumType } from 'type-graphql';

/** How a hand-over ended: the subcontractor returned the data, or destroyed it. */
export const CERTIFICATE_KINDS = ['RETURN', 'DESTRUCTION'] as const;
export type CertificateKindValue = (typeof CERTIFICATE_KINDS)[number];
export const CertificateKind = Object.fromEntries(CERTIFICATE_KINDS.map((k) => [k, k])) as { [K in CertificateKindValue]: K };
registerEnumType(CertificateKind, { name: 'CertificateKind', description: 'Certificate that closes a hand-over' });

/**
 * Why a subcontractor may not receive personal data; each is also the
 * `extensions.rule` of the CONFLICT that refuses a hand-over.
 */
export const REFUSAL_RULES = ['SUBCONTRACTOR_INACTIVE', 'NO_AGREEMENT_IN_FORCE', 'SUBCONTRACTOR_NON_COMPLIANT', 'DOES_NOT_MEET_STANDARDS'] as const;
export type RefusalRuleValue = (typeof REFUSAL_RULES)[number];
export const RefusalRule = Object.fromEntries(REFUSAL_RULES.map((k) => [k, k])) as { [K in RefusalRuleValue]: K };
registerEnumType(RefusalRule, { name: 'DataRefusalRule', description: 'Why a subcontractor may not receive personal data' });
