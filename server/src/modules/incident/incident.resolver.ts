import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { IncidentService } from './incident.service';
import { ListMetadata } from '../common/list';
import { DateScalar } from '../common/scalars';
import { IncidentMeasure } from './incident-measure.entity';
import { Incident } from './incident.entity';
import { CreateIncidentArgs, IncidentListArgs, UpdateIncidentArgs } from './incident.inputs';
import * as rules from './incident.rules';

@Resolver(() => Incident)
export class IncidentResolver {
  constructor(private readonly incidents: IncidentService) {}

  @Query(() => Incident, { nullable: true })
  Incident(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<Incident> {
    return this.incidents.find(id);
  }

  @Query(() => [Incident])
  allIncidents(@Args() args: IncidentListArgs, @Ctx() caller: Caller): Promise<Incident[]> {
    return this.incidents.list(args);
  }

  @Query(() => ListMetadata)
  async _allIncidentsMeta(@Args() args: IncidentListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.incidents.count(args) };
  }

  @Mutation(() => Incident)
  createIncident(@Args() args: CreateIncidentArgs, @Ctx() caller: Caller): Promise<Incident> {
    return this.incidents.create(args, caller);
  }

  @Mutation(() => Incident, { description: 'Corrects an incident and records its reports and the notification of individuals' })
  updateIncident(@Args() args: UpdateIncidentArgs, @Ctx() caller: Caller): Promise<Incident> {
    return this.incidents.update(args, caller);
  }

  @FieldResolver(() => DateScalar, { description: 'The day of detection in Japan time (day 0 of every deadline)' })
  detectedOn(@Root() i: Incident): string {
    return rules.detectedOn(i);
  }

  @FieldResolver(() => Int)
  daysSinceDetection(@Root() i: Incident, @Ctx() caller: Caller): number {
    return rules.daysSinceDetection(i, this.incidents.today());
  }

  @FieldResolver(() => Boolean, {
    description: 'Reportable to the regulator: sensitive data, financial-loss risk, wrongful purpose, or more than 1,000 people',
  })
  reportable(@Root() i: Incident): boolean {
    return rules.isReportable(i);
  }

  @FieldResolver(() => Boolean, { description: 'Reportable, and a preliminary or final report is still to be made' })
  reportPending(@Root() i: Incident): boolean {
    return rules.reportPending(i);
  }

  @FieldResolver(() => DateScalar, { description: 'The last day for the preliminary report (5 days after detection)' })
  preliminaryReportDueOn(@Root() i: Incident): string {
    return rules.preliminaryReportDueOn(i);
  }

  @FieldResolver(() => Boolean, { description: 'Reportable, more than 3 days since detection, no preliminary report yet' })
  preliminaryReportFlagged(@Root() i: Incident, @Ctx() caller: Caller): boolean {
    return rules.preliminaryReportFlagged(i, this.incidents.today());
  }

  @FieldResolver(() => Boolean, { description: 'Reportable, more than 5 days since detection, no preliminary report yet' })
  preliminaryReportOverdue(@Root() i: Incident, @Ctx() caller: Caller): boolean {
    return rules.preliminaryReportOverdue(i, this.incidents.today());
  }

  @FieldResolver(() => DateScalar, { description: 'The last day for the final report: 30 days after detection, 60 with a wrongful purpose' })
  finalReportDueOn(@Root() i: Incident): string {
    return rules.finalReportDueOn(i);
  }

  @FieldResolver(() => Boolean, { description: 'Reportable, past finalReportDueOn, no final report yet' })
  finalReportOverdue(@Root() i: Incident, @Ctx() caller: Caller): boolean {
    return rules.finalReportOverdue(i, this.incidents.today());
  }

  @FieldResolver(() => Boolean, { description: 'Reportable and the individuals concerned are not yet notified' })
  individualsNotificationPending(@Root() i: Incident): boolean {
    return rules.individualsNotificationPending(i);
  }

  @FieldResolver(() => [IncidentMeasure])
  measures(@Root() i: Incident, @Ctx() caller: Caller): Promise<IncidentMeasure[]> {
    return this.incidents.measures(i.id, caller);
  }

  @FieldResolver(() => Int, { description: 'Measures not yet DONE' })
  async openMeasureCount(@Root() i: Incident, @Ctx() caller: Caller): Promise<number> {
    return (await this.incidents.measures(i.id, caller)).filter((m) => m.status !== 'DONE').length;
  }
}
