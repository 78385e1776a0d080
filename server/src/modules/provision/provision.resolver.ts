import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { japanDay } from '../../clock';
import type { Caller } from '../common/caller';
import type { ProvisionService } from './provision.service';
import { ListMetadata } from '../common/list';
import { DateScalar } from '../common/scalars';
import { ThirdPartyProvision } from './provision.entity';
import { CreateThirdPartyProvisionArgs, ThirdPartyProvisionListArgs } from './provision.inputs';
import { isPastRetention, retainUntil } from './provision.rules';

@Resolver(() => ThirdPartyProvision)
export class ProvisionResolver {
  constructor(private readonly provisions: ProvisionService) {}

  @Query(() => ThirdPartyProvision, { nullable: true })
  ThirdPartyProvision(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<ThirdPartyProvision> {
    return this.provisions.find(id, caller);
  }

  @Query(() => [ThirdPartyProvision])
  allThirdPartyProvisions(@Args() args: ThirdPartyProvisionListArgs, @Ctx() caller: Caller): Promise<ThirdPartyProvision[]> {
    return this.provisions.list(args, caller);
  }

  @Query(() => ListMetadata)
  async _allThirdPartyProvisionsMeta(@Args() args: ThirdPartyProvisionListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.provisions.count(args, caller) };
  }

  @Mutation(() => ThirdPartyProvision)
  createThirdPartyProvision(@Args() args: CreateThirdPartyProvisionArgs, @Ctx() caller: Caller): Promise<ThirdPartyProvision> {
    return this.provisions.create(args, caller);
  }

  @FieldResolver(() => DateScalar, { description: 'Kept at least until this day (three years after provision)' })
  retainUntil(@Root() p: ThirdPartyProvision): string {
    return retainUntil(p);
  }

  @FieldResolver(() => Boolean, { description: 'Past its three years: listed for review, never deleted silently' })
  pastRetention(@Root() p: ThirdPartyProvision, @Ctx() caller: Caller): boolean {
    return isPastRetention(p, japanDay(caller.clock.now()));
  }
}
