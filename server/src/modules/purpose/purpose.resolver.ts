import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { PurposeOfUse } from './purpose.entity';
import { CreatePurposeOfUseArgs, PurposeOfUseListArgs, UpdatePurposeOfUseArgs } from './purpose.inputs';

@Resolver(() => PurposeOfUse)
export class PurposeResolver {
  @Query(() => PurposeOfUse, { nullable: true })
  PurposeOfUse(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PurposeOfUse> {
    return ctx.services.purposes.find(id);
  }

  @Query(() => [PurposeOfUse])
  allPurposeOfUses(@Args() args: PurposeOfUseListArgs, @Ctx() ctx: Context): Promise<PurposeOfUse[]> {
    return ctx.services.purposes.list(args);
  }

  @Query(() => ListMetadata)
  async _allPurposeOfUsesMeta(@Args() args: PurposeOfUseListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.purposes.count(args) };
  }

  @Mutation(() => PurposeOfUse)
  createPurposeOfUse(@Args() args: CreatePurposeOfUseArgs, @Ctx() ctx: Context): Promise<PurposeOfUse> {
    return ctx.services.purposes.create(args);
  }

  @Mutation(() => PurposeOfUse)
  updatePurposeOfUse(@Args() args: UpdatePurposeOfUseArgs, @Ctx() ctx: Context): Promise<PurposeOfUse> {
    return ctx.services.purposes.update(args);
  }
}
