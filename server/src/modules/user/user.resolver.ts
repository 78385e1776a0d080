import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { User } from './user.entity';
import { ChangePasswordArgs, CreateUserArgs, ResetPasswordArgs, UpdateUserArgs, UserListArgs } from './user.inputs';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true })
  User(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.users.get(id);
  }

  @Query(() => [User])
  allUsers(@Args() args: UserListArgs, @Ctx() ctx: Context): Promise<User[]> {
    return ctx.services.users.list(args);
  }

  @Query(() => ListMetadata)
  async _allUsersMeta(@Args() args: UserListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.users.count(args) };
  }

  @Query(() => User, { nullable: true })
  me(@Ctx() ctx: Context): Promise<User> {
    return ctx.services.users.get(ctx.user!.id);
  }

  @Mutation(() => User)
  createUser(@Args() args: CreateUserArgs, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.users.create(args);
  }

  @Mutation(() => User)
  updateUser(@Args() args: UpdateUserArgs, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.users.update(args, ctx.user!.id);
  }

  @Mutation(() => User)
  unlockUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.users.unlock(id);
  }

  @Mutation(() => User)
  resetUserPassword(@Args() args: ResetPasswordArgs, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.users.resetPassword(args.id, args.newPassword);
  }

  @Mutation(() => User)
  changePassword(@Args() args: ChangePasswordArgs, @Ctx() ctx: Context): Promise<User> {
    return ctx.services.users.changeOwnPassword(ctx.user!.id, args.currentPassword, args.newPassword);
  }
}
