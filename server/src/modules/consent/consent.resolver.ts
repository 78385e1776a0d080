import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { ConsentService } from './consent.service';
import { ListMetadata } from '../common/list';
import { Consent } from './consent.entity';
import { ConsentListArgs, CreateConsentArgs } from './consent.inputs';

@Resolver(() => Consent)
export class ConsentResolver {
  constructor(private readonly consents: ConsentService) {}

  @Query(() => Consent, { nullable: true })
  Consent(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<Consent> {
    return this.consents.find(id, caller);
  }

  @Query(() => [Consent])
  allConsents(@Args() args: ConsentListArgs, @Ctx() caller: Caller): Promise<Consent[]> {
    return this.consents.list(args, caller);
  }

  @Query(() => ListMetadata)
  async _allConsentsMeta(@Args() args: ConsentListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.consents.count(args, caller) };
  }

  @Mutation(() => Consent)
  createConsent(@Args() args: CreateConsentArgs, @Ctx() caller: Caller): Promise<Consent> {
    return this.consents.create(args, caller);
  }

  @Mutation(() => Consent)
  withdrawConsent(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<Consent> {
    return this.consents.withdraw(id, caller);
  }
}
