import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { japanDay } from '../../clock';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { CorrectiveAction } from './corrective-action.entity';
import { CorrectiveActionListArgs, CreateCorrectiveActionArgs, UpdateCorrectiveActionArgs, VerifyCorrectiveActionArgs } from './corrective-action.inputs';
import type { CorrectiveActionService } from './corrective-action.service';
import { awaitsVerification, isOverdue } from './internal-audit.rules';

@Resolver(() => CorrectiveAction)
export class CorrectiveActionResolver {
  constructor(private readonly actions: CorrectiveActionService) {}

  @Query(() => CorrectiveAction, { nullable: true })
  CorrectiveAction(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<CorrectiveAction> {
    return this.actions.find(id, caller);
  }

  @Query(() => [CorrectiveAction], { description: 'All for the privacy manager and the internal auditor; one’s own for an owner' })
  allCorrectiveActions(@Args() args: CorrectiveActionListArgs, @Ctx() caller: Caller): Promise<CorrectiveAction[]> {
    return this.actions.list(args, caller);
  }

  @Query(() => ListMetadata)
  async _allCorrectiveActionsMeta(@Args() args: CorrectiveActionListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.actions.count(args, caller) };
  }

  @FieldResolver(() => Boolean, { description: 'Not taken and past its due day (Japan time); due today is not overdue' })
  overdue(@Root() action: CorrectiveAction, @Ctx() caller: Caller): boolean {
    return isOverdue(action, japanDay(caller.clock.now()));
  }

  @FieldResolver(() => Boolean, { description: 'Taken, waiting for the internal auditor to verify its effect' })
  awaitingVerification(@Root() action: CorrectiveAction): boolean {
    return awaitsVerification(action);
  }

  @Mutation(() => CorrectiveAction)
  createCorrectiveAction(@Args() args: CreateCorrectiveActionArgs, @Ctx() caller: Caller): Promise<CorrectiveAction> {
    return this.actions.create(args, caller);
  }

  @Mutation(() => CorrectiveAction, { description: 'The privacy manager, or the owner for the cause and the action taken' })
  updateCorrectiveAction(@Args() args: UpdateCorrectiveActionArgs, @Ctx() caller: Caller): Promise<CorrectiveAction> {
    return this.actions.update(args, caller);
  }

  @Mutation(() => CorrectiveAction, { description: 'The internal auditor’s verification of the action’s effect' })
  verifyCorrectiveAction(@Args() args: VerifyCorrectiveActionArgs, @Ctx() caller: Caller): Promise<CorrectiveAction> {
    return this.actions.verify(args, caller);
  }
}
