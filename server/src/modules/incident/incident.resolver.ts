import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { DateScalar } from '../../graphql/scalars';
import { IncidentMeasure } from './incident-measure.entity';
import { Incident } from './incident.entity';
import { CreateIncidentArgs, IncidentListArgs, UpdateIncidentArgs } from './incident.inputs';
import * as rules from './incident.rules';

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true })
  Incident(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Incident> {
    return ctx.services.incidents.find(id);
  }

  @Query(() => [Incident])
  allIncidents(@Args() args: IncidentListArgs, @Ctx() ctx: Context): Promise<Incident[]> {
    return ctx.services.incidents.list(args);
  }

  @Query(() => ListMetadata)
  async _allIncidentsMeta(@Args() args: IncidentListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.incidents.count(args) };
  }

  @Mutation(() => Incident)
  createIncident(@Args() args: CreateIncidentArgs, @Ctx() ctx: Context): Promise<Incident> {
    return ctx.services.incidents.create(args, ctx);
  }

  @Mutation(() => Incident, { description: 'Corrects an incident and records its reports and the notification of individuals' })
  updateIncident(@Args() args: UpdateIncidentArgs, @Ctx() ctx: Context): Promise<Incident> {
    return ctx.services.incidents.update(args);
  }

  @FieldResolver(() => DateScalar, { description: 'The day of detection in Japan time (day 0 of every deadline)' })
  detectedOn(@Root() i: Incident): string {
    return rules.detectedOn(i);
  }

  @FieldResolver(() => Int)
  daysSinceDetection(@Root() i: Incident, @Ctx() ctx: Context): number {
    return rules.daysSinceDetection(i, ctx.services.incidents.today());
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
  preliminaryReportFlagged(@Root() i: Incident, @Ctx() ctx: Context): boolean {
    return rules.preliminaryReportFlagged(i, ctx.services.incidents.today());
  }

  @FieldResolver(() => Boolean, { description: 'Reportable, more than 5 days since detection, no preliminary report yet' })
  preliminaryReportOverdue(@Root() i: Incident, @Ctx() ctx: Context): boolean {
    return rules.preliminaryReportOverdue(i, ctx.services.incidents.today());
  }

  @FieldResolver(() => DateScalar, { description: 'The last day for the final report: 30 days after detection, 60 with a wrongful purpose' })
  finalReportDueOn(@Root() i: Incident): string {
    return rules.finalReportDueOn(i);
  }

  @FieldResolver(() => Boolean, { description: 'Reportable, past finalReportDueOn, no final report yet' })
  finalReportOverdue(@Root() i: Incident, @Ctx() ctx: Context): boolean {
    return rules.finalReportOverdue(i, ctx.services.incidents.today());
  }

  @FieldResolver(() => Boolean, { description: 'Reportable and the individuals concerned are not yet notified' })
  individualsNotificationPending(@Root() i: Incident): boolean {
    return rules.individualsNotificationPending(i);
  }

  @FieldResolver(() => [IncidentMeasure])
  measures(@Root() i: Incident, @Ctx() ctx: Context): Promise<IncidentMeasure[]> {
    return ctx.services.incidents.measures(i.id, ctx);
  }

  @FieldResolver(() => Int, { description: 'Measures not yet DONE' })
  async openMeasureCount(@Root() i: Incident, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.services.incidents.measures(i.id, ctx)).filter((m) => m.status !== 'DONE').length;
  }
}
