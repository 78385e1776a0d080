import { Field, ID, Int, ObjectType } from 'type-graphql';

/** The ledger's reminders on the dashboard of the privacy manager and the internal auditor: counts and record ids only. */
@ObjectType()
export class DashboardLedger {
  @Field(() => Int, { description: 'Ledger records in force' })
  recordCount!: number;

  @Field(() => Int, { description: 'Records in force past their yearly review' })
  reviewOverdueCount!: number;

  @Field(() => [ID], { description: 'Most overdue first (at most 50)' })
  reviewOverdueIds!: number[];

  @Field(() => Int, { description: 'Records with a risk assessment past its yearly re-assessment' })
  riskAssessmentOverdueCount!: number;

  @Field(() => [ID])
  riskAssessmentOverdueIds!: number[];

  @Field(() => Int, { description: 'Records with a HIGH residual risk and no planned measure' })
  highRiskUnmitigatedCount!: number;

  @Field(() => [ID])
  highRiskUnmitigatedIds!: number[];

  @Field(() => Int, { description: 'Records in force with no risk assessment' })
  notAssessedCount!: number;

  @Field(() => [ID])
  notAssessedIds!: number[];
}
