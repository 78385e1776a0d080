import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { User } from '../user/user.entity';

@ObjectType()
export class AuthPayload {
  @Field()
  token!: string;

  @Field(() => User)
  user!: User;

  @Field({ description: 'True when the account must set up two-factor sign-in before anything else' })
  twoFactorEnrollmentRequired!: boolean;
}

@ObjectType()
export class TwoFactorEnrollment {
  @Field({ description: 'Base32 secret, for typing into an authenticator app' })
  secret!: string;

  @Field()
  otpauthUrl!: string;

  @Field({ description: 'The otpauth URL as a QR code (PNG data URL)' })
  qrCodeDataUrl!: string;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload)
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Arg('totpCode', () => String, { nullable: true, description: 'Six-digit code or a recovery code, when two-factor sign-in is on' })
    totpCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    // Bounded here too: an over-long value is simply a wrong credential and never reaches argon2.
    if (email.length > 254 || password.length > 128 || (totpCode?.length ?? 0) > 20) throw ctx.services.auth.wrongCredentials();
    const { token, user } = await ctx.services.auth.login(email, password, totpCode, ctx.clientIp, ctx.audit);
    return { token, user, twoFactorEnrollmentRequired: ctx.services.tokens.verify(token)?.enrol === true };
  }

  @Mutation(() => TwoFactorEnrollment, { description: 'Starts two-factor enrolment for the signed-in user' })
  enrollTwoFactor(@Ctx() ctx: Context): Promise<TwoFactorEnrollment> {
    return ctx.services.twoFactor.enrol(ctx.user!.id);
  }

  @Mutation(() => [String], { description: 'Confirms enrolment with a first code; returns ten single-use recovery codes (shown once). Sign in again afterwards.' })
  confirmTwoFactor(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<string[]> {
    return ctx.services.twoFactor.confirm(ctx.user!.id, code.slice(0, 20));
  }

  @Mutation(() => User, { description: 'Turns a user’s two-factor sign-in off (a lost device); they enrol again' })
  async resetUserTwoFactor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    const user = await ctx.services.users.get(id);
    await ctx.services.twoFactor.reset(user.id);
    return ctx.services.users.get(user.id);
  }
}
