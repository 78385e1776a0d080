import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { PurposeService } from './purpose.service';
import { ListMetadata } from '../common/list';
import { PurposeOfUse } from './purpose.entity';
import { CreatePurposeOfUseArgs, PurposeOfUseListArgs, UpdatePurposeOfUseArgs } from './purpose.inputs';

@Resolver(() => PurposeOfUse)
export class PurposeResolver {
  constructor(private readonly purposes: PurposeService) {}

  @Query(() => PurposeOfUse, { nullable: true })
  PurposeOfUse(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<PurposeOfUse> {
    return this.purposes.find(id);
  }

  @Query(() => [PurposeOfUse])
  allPurposeOfUses(@Args() args: PurposeOfUseListArgs, @Ctx() caller: Caller): Promise<PurposeOfUse[]> {
    return this.purposes.list(args);
  }

  @Query(() => ListMetadata)
  async _allPurposeOfUsesMeta(@Args() args: PurposeOfUseListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.purposes.count(args) };
  }

  @Mutation(() => PurposeOfUse)
  createPurposeOfUse(@Args() args: CreatePurposeOfUseArgs, @Ctx() caller: Caller): Promise<PurposeOfUse> {
    return this.purposes.create(args, caller);
  }

  @Mutation(() => PurposeOfUse)
  updatePurposeOfUse(@Args() args: UpdatePurposeOfUseArgs, @Ctx() caller: Caller): Promise<PurposeOfUse> {
    return this.purposes.update(args, caller);
  }
}
