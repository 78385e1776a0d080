import { Field, Int, ObjectType } from 'type-graphql';
import type { CaseType as CaseTypeValue } from '@mamori/shared';
import { CaseType } from '../common/enums';
import { DateScalar } from '../common/scalars';

/** What a management review is presented, gathered from Mamori's own records for a period: counts only, no personal data. */

@ObjectType('ReviewKindCount')
export class ReviewKindCount {
  @Field({ description: 'The kind (an AuditFindingKind or an IncidentKind)' })
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ReviewAuditInputs')
export class ReviewAuditInputs {
  @Field(() => Int, { description: 'Internal audits whose planned days overlap the period' })
  auditCount!: number;

  @Field(() => Int)
  closedAuditCount!: number;

  @Field(() => [ReviewKindCount], { description: 'Their findings by kind' })
  findings!: ReviewKindCount[];

  @Field(() => Int, { description: 'Nonconformities without corrective actions all verified effective' })
  openNonconformityCount!: number;

  @Field(() => Int, { description: 'Corrective actions not yet verified effective' })
  openCorrectiveActionCount!: number;

  @Field(() => Int, { description: 'Corrective actions not taken by their due day' })
  overdueCorrectiveActionCount!: number;
}

@ObjectType('ReviewIncidentInputs')
export class ReviewIncidentInputs {
  @Field(() => Int, { description: 'Incidents detected in the period (Japan days)' })
  count!: number;

  @Field(() => [ReviewKindCount])
  byKind!: ReviewKindCount[];

  @Field(() => Int, { description: 'Of those, the ones to be reported to the regulator' })
  reportableCount!: number;

  @Field(() => Int)
  preliminaryOnTimeCount!: number;

  @Field(() => Int, { description: 'Preliminary reports made after their due day' })
  preliminaryLateCount!: number;

  @Field(() => Int, { description: 'Preliminary reports not made and past their due day' })
  preliminaryOverdueCount!: number;

  @Field(() => Int)
  finalOnTimeCount!: number;

  @Field(() => Int)
  finalLateCount!: number;

  @Field(() => Int)
  finalOverdueCount!: number;
}

@ObjectType('ReviewCaseCounts')
export class ReviewCaseCounts {
  @Field(() => CaseType, { nullable: true, description: 'The case type; null on the totals' })
  type!: CaseTypeValue | null;

  @Field(() => Int, { description: 'Received in the period' })
  received!: number;

  @Field(() => Int, { description: 'Of those, answered (responded or rejected)' })
  completed!: number;

  @Field(() => Int, { description: 'Answered by the reply deadline' })
  completedOnTime!: number;

  @Field(() => Int, { description: 'Answered after the reply deadline' })
  completedLate!: number;

  @Field(() => Int, { description: 'Not answered yet' })
  open!: number;

  @Field(() => Int, { description: 'Not answered yet and past the reply deadline' })
  openOverdue!: number;
}

@ObjectType('ReviewCaseInputs')
export class ReviewCaseInputs {
  @Field(() => ReviewCaseCounts)
  total!: ReviewCaseCounts;

  @Field(() => [ReviewCaseCounts], { description: 'Per case type received in the period' })
  byType!: ReviewCaseCounts[];
}

@ObjectType('ReviewDepartmentTraining')
export class ReviewDepartmentTraining {
  @Field(() => String, { nullable: true, description: 'The department; null for users without one' })
  department!: string | null;

  @Field(() => Int, { description: 'Active users' })
  userCount!: number;

  @Field(() => Int, { description: 'Of those, the ones who passed every course of the year (0 in a year without a course)' })
  completeCount!: number;
}

@ObjectType('ReviewTrainingInputs')
export class ReviewTrainingInputs {
  @Field(() => Int, { description: 'The fiscal year the period ends in' })
  fiscalYear!: number;

  @Field(() => Int)
  courseCount!: number;

  @Field(() => Int)
  userCount!: number;

  @Field(() => Int)
  completeCount!: number;

  @Field(() => [ReviewDepartmentTraining])
  byDepartment!: ReviewDepartmentTraining[];
}

@ObjectType('ReviewRecordInputs')
export class ReviewRecordInputs {
  @Field(() => Int, { description: 'Ledger records in force' })
  ledgerRecordCount!: number;

  @Field(() => Int)
  ledgerReviewOverdueCount!: number;

  @Field(() => Int)
  riskAssessmentOverdueCount!: number;

  @Field(() => Int, { description: 'Records with a HIGH residual risk and no planned measure' })
  highRiskUnmitigatedCount!: number;

  @Field(() => Int, { description: 'Active subcontractors' })
  subcontractorCount!: number;

  @Field(() => Int, { description: 'Active subcontractors past their periodic supervision review' })
  supervisionOverdueCount!: number;

  @Field(() => Int, { description: 'Active subcontractors not allowed to receive data now' })
  subcontractorNotAllowedCount!: number;

  @Field(() => Int, { description: 'Actions of other management reviews still open' })
  earlierActionOpenCount!: number;

  @Field(() => Int, { description: 'Of those, the ones past their due day' })
  earlierActionOverdueCount!: number;
}

@ObjectType('ManagementReviewInputs')
export class ManagementReviewInputs {
  @Field(() => DateScalar)
  periodFrom!: string;

  @Field(() => DateScalar)
  periodTo!: string;

  @Field(() => DateScalar, { description: 'The day (Japan time) the inputs were gathered; standings (overdue, open) are as of this day' })
  gatheredOn!: string;

  @Field(() => ReviewAuditInputs)
  internalAudit!: ReviewAuditInputs;

  @Field(() => ReviewIncidentInputs)
  incidents!: ReviewIncidentInputs;

  @Field(() => ReviewCaseInputs)
  cases!: ReviewCaseInputs;

  @Field(() => ReviewTrainingInputs)
  training!: ReviewTrainingInputs;

  @Field(() => ReviewRecordInputs, { description: 'The ledger, supervision and earlier reviews’ actions, as of the day gathered' })
  records!: ReviewRecordInputs;
}
