import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { IncidentService } from './incident.service';
import { ListMetadata } from '../common/list';
import { IncidentMeasure } from './incident-measure.entity';
import { CreateIncidentMeasureArgs, IncidentMeasureListArgs, UpdateIncidentMeasureArgs } from './incident.inputs';

@Resolver(() => IncidentMeasure)
export class IncidentMeasureResolver {
  constructor(private readonly incidents: IncidentService) {}

  @Query(() => IncidentMeasure, { nullable: true })
  IncidentMeasure(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<IncidentMeasure> {
    return this.incidents.findMeasure(id);
  }

  @Query(() => [IncidentMeasure])
  allIncidentMeasures(@Args() args: IncidentMeasureListArgs, @Ctx() caller: Caller): Promise<IncidentMeasure[]> {
    return this.incidents.listMeasures(args);
  }

  @Query(() => ListMetadata)
  async _allIncidentMeasuresMeta(@Args() args: IncidentMeasureListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.incidents.countMeasures(args) };
  }

  @Mutation(() => IncidentMeasure)
  createIncidentMeasure(@Args() args: CreateIncidentMeasureArgs, @Ctx() caller: Caller): Promise<IncidentMeasure> {
    return this.incidents.createMeasure(args, caller);
  }

  @Mutation(() => IncidentMeasure)
  updateIncidentMeasure(@Args() args: UpdateIncidentMeasureArgs, @Ctx() caller: Caller): Promise<IncidentMeasure> {
    return this.incidents.updateMeasure(args, caller);
  }

  @FieldResolver(() => Boolean, { description: 'Not done and past its due day' })
  overdue(@Root() m: IncidentMeasure, @Ctx() caller: Caller): boolean {
    return m.status !== 'DONE' && m.dueOn !== null && m.dueOn < this.incidents.today();
  }
}
