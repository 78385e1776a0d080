import type { NonEmptyArray } from 'type-graphql';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditLink } from './audit/audit-link.entity';
import { AuditResolver } from './audit/audit.resolver';
import { BreakGlassReview } from './audit/break-glass-review.entity';
import { SubjectKey } from './audit/subject-key.entity';
import { AuthResolver } from './auth/auth.resolver';
import { Case } from './case/case.entity';
import { CaseResolver } from './case/case.resolver';
import { Consent } from './consent/consent.entity';
import { ConsentResolver } from './consent/consent.resolver';
import { DataSubject } from './data-subject/data-subject.entity';
import { CaseSubjectResolver } from './data-subject/case-subject.resolver';
import { DataSubjectResolver } from './data-subject/data-subject.resolver';
import { PurposeOfUse } from './purpose/purpose.entity';
import { PurposeResolver } from './purpose/purpose.resolver';
import { User } from './user/user.entity';
import { UserResolver } from './user/user.resolver';

/** The modules' TypeORM entities and GraphQL resolvers: the wiring list. */
export const entities = [User, AuditEntry, AuditLink, SubjectKey, BreakGlassReview, DataSubject, PurposeOfUse, Consent, Case];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  UserResolver,
  AuditResolver,
  DataSubjectResolver,
  CaseSubjectResolver,
  PurposeResolver,
  ConsentResolver,
  CaseResolver,
];
