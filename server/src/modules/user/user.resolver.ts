import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { UserService } from './user.service';
import { ListMetadata } from '../common/list';
import { User } from './user.entity';
import { ChangePasswordArgs, CreateUserArgs, ResetPasswordArgs, UpdateUserArgs, UserListArgs } from './user.inputs';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly users: UserService) {}

  @Query(() => User, { nullable: true })
  User(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<User> {
    return this.users.get(id);
  }

  @Query(() => [User])
  allUsers(@Args() args: UserListArgs, @Ctx() caller: Caller): Promise<User[]> {
    return this.users.list(args);
  }

  @Query(() => ListMetadata)
  async _allUsersMeta(@Args() args: UserListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.users.count(args) };
  }

  @Query(() => User, { nullable: true })
  me(@Ctx() caller: Caller): Promise<User> {
    return this.users.get(caller.user!.id);
  }

  @Mutation(() => User)
  createUser(@Args() args: CreateUserArgs, @Ctx() caller: Caller): Promise<User> {
    return this.users.create(args, caller);
  }

  @Mutation(() => User)
  updateUser(@Args() args: UpdateUserArgs, @Ctx() caller: Caller): Promise<User> {
    return this.users.update(args, caller);
  }

  @Mutation(() => User)
  unlockUser(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<User> {
    return this.users.unlock(id, caller);
  }

  @Mutation(() => User)
  resetUserPassword(@Args() args: ResetPasswordArgs, @Ctx() caller: Caller): Promise<User> {
    return this.users.resetPassword(args.id, args.newPassword, caller);
  }

  @Mutation(() => User)
  changePassword(@Args() args: ChangePasswordArgs, @Ctx() caller: Caller): Promise<User> {
    return this.users.changeOwnPassword(args.currentPassword, args.newPassword, caller);
  }
}
