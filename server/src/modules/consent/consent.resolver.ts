import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { Consent } from './consent.entity';
import { ConsentListArgs, CreateConsentArgs } from './consent.inputs';

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => Consent, { nullable: true })
  Consent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Consent> {
    return ctx.services.consents.find(id, ctx);
  }

  @Query(() => [Consent])
  allConsents(@Args() args: ConsentListArgs, @Ctx() ctx: Context): Promise<Consent[]> {
    return ctx.services.consents.list(args, ctx);
  }

  @Query(() => ListMetadata)
  async _allConsentsMeta(@Args() args: ConsentListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.consents.count(args, ctx) };
  }

  @Mutation(() => Consent)
  createConsent(@Args() args: CreateConsentArgs, @Ctx() ctx: Context): Promise<Consent> {
    return ctx.services.consents.create(args, ctx);
  }

  @Mutation(() => Consent)
  withdrawConsent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Consent> {
    return ctx.services.consents.withdraw(id, ctx);
  }
}
