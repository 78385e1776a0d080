import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { daysBetween } from '../../clock';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Entrustment } from './entrustment.entity';
import { CloseEntrustmentArgs, CreateEntrustmentArgs, EntrustmentListArgs, UpdateEntrustmentArgs } from './entrustment.inputs';
import * as rules from './supervision.rules';

@Resolver(() => Entrustment)
export class EntrustmentResolver {
  @Query(() => Entrustment, { nullable: true })
  Entrustment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Entrustment> {
    return ctx.services.entrustments.find(id);
  }

  @Query(() => [Entrustment])
  allEntrustments(@Args() args: EntrustmentListArgs, @Ctx() ctx: Context): Promise<Entrustment[]> {
    return ctx.services.entrustments.list(args);
  }

  @Query(() => ListMetadata)
  async _allEntrustmentsMeta(@Args() args: EntrustmentListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.entrustments.count(args) };
  }

  @Mutation(() => Entrustment, {
    description: 'Records a hand-over; refused (CONFLICT, extensions.rule) when the subcontractor may not receive data that day',
  })
  createEntrustment(@Args() args: CreateEntrustmentArgs, @Ctx() ctx: Context): Promise<Entrustment> {
    return ctx.services.entrustments.create(args, ctx);
  }

  @Mutation(() => Entrustment)
  updateEntrustment(@Args() args: UpdateEntrustmentArgs, @Ctx() ctx: Context): Promise<Entrustment> {
    return ctx.services.entrustments.update(args, ctx);
  }

  @Mutation(() => Entrustment, { description: 'Closes a hand-over with a certificate of return or destruction' })
  closeEntrustment(@Args() args: CloseEntrustmentArgs, @Ctx() ctx: Context): Promise<Entrustment> {
    return ctx.services.entrustments.close(args, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'Not yet closed with a certificate' })
  open(@Root() e: Entrustment): boolean {
    return e.closedOn === null;
  }

  @FieldResolver(() => Boolean, { description: 'Still open after endsOn' })
  pastEnd(@Root() e: Entrustment, @Ctx() ctx: Context): boolean {
    return rules.pastEnd(e, ctx.services.subcontractors.today());
  }

  @FieldResolver(() => Int, { nullable: true, description: 'While open: days from today to endsOn (negative once past)' })
  daysToEnd(@Root() e: Entrustment, @Ctx() ctx: Context): number | null {
    return e.closedOn === null ? daysBetween(ctx.services.subcontractors.today(), e.endsOn) : null;
  }
}
