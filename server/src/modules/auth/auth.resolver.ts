import { Field, ObjectType, Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { User } from '../user/user.entity';

@ObjectType()
export class AuthPayload {
  @Field()
  token!: string;

  @Field(() => User)
  user!: User;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload)
  login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    // Bounded here too: an over-long value is simply a wrong password, and never reaches argon2.
    if (email.length > 254 || password.length > 128) return Promise.reject(ctx.services.auth.wrongCredentials());
    return ctx.services.auth.login(email, password, ctx.clientIp, ctx.audit);
  }
}
