import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { daysBetween } from '../../clock';
import type { Caller } from '../common/caller';
import type { EntrustmentService } from './entrustment.service';
import type { SubcontractorService } from './subcontractor.service';
import { ListMetadata } from '../common/list';
import { Entrustment } from './entrustment.entity';
import { CloseEntrustmentArgs, CreateEntrustmentArgs, EntrustmentListArgs, UpdateEntrustmentArgs } from './entrustment.inputs';
import * as rules from './supervision.rules';

@Resolver(() => Entrustment)
export class EntrustmentResolver {
  constructor(
    private readonly entrustments: EntrustmentService,
    private readonly subcontractors: SubcontractorService,
  ) {}

  @Query(() => Entrustment, { nullable: true })
  Entrustment(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<Entrustment> {
    return this.entrustments.find(id);
  }

  @Query(() => [Entrustment])
  allEntrustments(@Args() args: EntrustmentListArgs, @Ctx() caller: Caller): Promise<Entrustment[]> {
    return this.entrustments.list(args);
  }

  @Query(() => ListMetadata)
  async _allEntrustmentsMeta(@Args() args: EntrustmentListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.entrustments.count(args) };
  }

  @Mutation(() => Entrustment, {
    description: 'Records a hand-over; refused (CONFLICT, extensions.rule) when the subcontractor may not receive data that day',
  })
  createEntrustment(@Args() args: CreateEntrustmentArgs, @Ctx() caller: Caller): Promise<Entrustment> {
    return this.entrustments.create(args, caller);
  }

  @Mutation(() => Entrustment)
  updateEntrustment(@Args() args: UpdateEntrustmentArgs, @Ctx() caller: Caller): Promise<Entrustment> {
    return this.entrustments.update(args, caller);
  }

  @Mutation(() => Entrustment, { description: 'Closes a hand-over with a certificate of return or destruction' })
  closeEntrustment(@Args() args: CloseEntrustmentArgs, @Ctx() caller: Caller): Promise<Entrustment> {
    return this.entrustments.close(args, caller);
  }

  @FieldResolver(() => Boolean, { description: 'Not yet closed with a certificate' })
  open(@Root() e: Entrustment): boolean {
    return e.closedOn === null;
  }

  @FieldResolver(() => Boolean, { description: 'Still open after endsOn' })
  pastEnd(@Root() e: Entrustment, @Ctx() caller: Caller): boolean {
    return rules.pastEnd(e, this.subcontractors.today());
  }

  @FieldResolver(() => Int, { nullable: true, description: 'While open: days from today to endsOn (negative once past)' })
  daysToEnd(@Root() e: Entrustment, @Ctx() caller: Caller): number | null {
    return e.closedOn === null ? daysBetween(this.subcontractors.today(), e.endsOn) : null;
  }
}
