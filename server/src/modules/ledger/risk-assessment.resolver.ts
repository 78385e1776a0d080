import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RiskLevel as RiskLevelValue } from '@mamori/shared';
import { japanDay } from '../../clock';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { RiskLevel } from './ledger.enums';
import { inherentRisk, isPastDue, isUnmitigated } from './ledger.rules';
import { RiskAssessment } from './risk-assessment.entity';
import { CreateRiskAssessmentArgs, RiskAssessmentListArgs, UpdateRiskAssessmentArgs } from './risk-assessment.inputs';
import type { RiskAssessmentService } from './risk-assessment.service';

@Resolver(() => RiskAssessment)
export class RiskAssessmentResolver {
  constructor(private readonly risks: RiskAssessmentService) {}

  @Query(() => RiskAssessment, { nullable: true })
  RiskAssessment(@Arg('id', () => ID) id: string): Promise<RiskAssessment> {
    return this.risks.find(id);
  }

  @Query(() => [RiskAssessment])
  allRiskAssessments(@Args() args: RiskAssessmentListArgs): Promise<RiskAssessment[]> {
    return this.risks.list(args);
  }

  @Query(() => ListMetadata)
  async _allRiskAssessmentsMeta(@Args() args: RiskAssessmentListArgs): Promise<ListMetadata> {
    return { count: await this.risks.count(args) };
  }

  @Mutation(() => RiskAssessment)
  createRiskAssessment(@Args() args: CreateRiskAssessmentArgs, @Ctx() caller: Caller): Promise<RiskAssessment> {
    return this.risks.create(args, caller);
  }

  @Mutation(() => RiskAssessment, { description: 'Corrects or re-assesses the risk; only the fields sent change' })
  updateRiskAssessment(@Args() args: UpdateRiskAssessmentArgs, @Ctx() caller: Caller): Promise<RiskAssessment> {
    return this.risks.update(args, caller);
  }

  @Mutation(() => RiskAssessment, { description: 'The risk no longer applies: kept, never deleted' })
  retireRiskAssessment(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<RiskAssessment> {
    return this.risks.retire(id, caller);
  }

  @FieldResolver(() => RiskLevel, { description: 'The risk before measures: likelihood × impact' })
  inherentRisk(@Root() a: RiskAssessment): RiskLevelValue {
    return inherentRisk(a.likelihood, a.impact);
  }

  @FieldResolver(() => Boolean, { description: 'In force and past its yearly re-assessment (due exactly today is not yet overdue; Japan time)' })
  overdue(@Root() a: RiskAssessment, @Ctx() caller: Caller): boolean {
    return !a.retiredAt && isPastDue(a.nextAssessmentDue, japanDay(caller.clock.now()));
  }

  @FieldResolver(() => Boolean, { description: 'In force with a HIGH residual risk and no planned measure' })
  unmitigated(@Root() a: RiskAssessment): boolean {
    return !a.retiredAt && isUnmitigated(a);
  }
}
