import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { japanDay } from '../../clock';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { DateScalar } from '../../graphql/scalars';
import { ThirdPartyProvision } from './provision.entity';
import { CreateThirdPartyProvisionArgs, ThirdPartyProvisionListArgs } from './provision.inputs';
import { isPastRetention, retainUntil } from './provision.rules';

@Resolver(() => ThirdPartyProvision)
export class ProvisionResolver {
  @Query(() => ThirdPartyProvision, { nullable: true })
  ThirdPartyProvision(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ThirdPartyProvision> {
    return ctx.services.provisions.find(id, ctx);
  }

  @Query(() => [ThirdPartyProvision])
  allThirdPartyProvisions(@Args() args: ThirdPartyProvisionListArgs, @Ctx() ctx: Context): Promise<ThirdPartyProvision[]> {
    return ctx.services.provisions.list(args, ctx);
  }

  @Query(() => ListMetadata)
  async _allThirdPartyProvisionsMeta(@Args() args: ThirdPartyProvisionListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.provisions.count(args, ctx) };
  }

  @Mutation(() => ThirdPartyProvision)
  createThirdPartyProvision(@Args() args: CreateThirdPartyProvisionArgs, @Ctx() ctx: Context): Promise<ThirdPartyProvision> {
    return ctx.services.provisions.create(args, ctx);
  }

  @FieldResolver(() => DateScalar, { description: 'Kept at least until this day (three years after provision)' })
  retainUntil(@Root() p: ThirdPartyProvision): string {
    return retainUntil(p);
  }

  @FieldResolver(() => Boolean, { description: 'Past its three years: listed for review, never deleted silently' })
  pastRetention(@Root() p: ThirdPartyProvision, @Ctx() ctx: Context): boolean {
    return isPastRetention(p, japanDay(ctx.clock.now()));
  }
}
