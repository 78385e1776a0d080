import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { IncidentMeasure } from './incident-measure.entity';
import { CreateIncidentMeasureArgs, IncidentMeasureListArgs, UpdateIncidentMeasureArgs } from './incident.inputs';

@Resolver(() => IncidentMeasure)
export class IncidentMeasureResolver {
  @Query(() => IncidentMeasure, { nullable: true })
  IncidentMeasure(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<IncidentMeasure> {
    return ctx.services.incidents.findMeasure(id);
  }

  @Query(() => [IncidentMeasure])
  allIncidentMeasures(@Args() args: IncidentMeasureListArgs, @Ctx() ctx: Context): Promise<IncidentMeasure[]> {
    return ctx.services.incidents.listMeasures(args);
  }

  @Query(() => ListMetadata)
  async _allIncidentMeasuresMeta(@Args() args: IncidentMeasureListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.incidents.countMeasures(args) };
  }

  @Mutation(() => IncidentMeasure)
  createIncidentMeasure(@Args() args: CreateIncidentMeasureArgs, @Ctx() ctx: Context): Promise<IncidentMeasure> {
    return ctx.services.incidents.createMeasure(args, ctx);
  }

  @Mutation(() => IncidentMeasure)
  updateIncidentMeasure(@Args() args: UpdateIncidentMeasureArgs, @Ctx() ctx: Context): Promise<IncidentMeasure> {
    return ctx.services.incidents.updateMeasure(args, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'Not done and past its due day' })
  overdue(@Root() m: IncidentMeasure, @Ctx() ctx: Context): boolean {
    return m.status !== 'DONE' && m.dueOn !== null && m.dueOn < ctx.services.incidents.today();
  }
}
