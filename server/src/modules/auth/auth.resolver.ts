import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { AuthService } from './auth.service';
import type { Tokens } from './tokens';
import type { TwoFactor } from './two-factor';
import type { UserService } from '../user/user.service';
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
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: Tokens,
    private readonly twoFactor: TwoFactor,
    private readonly users: UserService,
  ) {}

  @Mutation(() => AuthPayload)
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Arg('totpCode', () => String, { nullable: true, description: 'Six-digit code or a recovery code, when two-factor sign-in is on' })
    totpCode: string | null,
    @Ctx() caller: Caller,
  ): Promise<AuthPayload> {
    // Bounded here too: an over-long value is simply a wrong credential and never reaches argon2.
    if (email.length > 254 || password.length > 128 || (totpCode?.length ?? 0) > 20) throw this.auth.wrongCredentials();
    const { token, user } = await this.auth.login(email, password, totpCode, caller.clientIp, caller.audit);
    return { token, user, twoFactorEnrollmentRequired: this.tokens.verify(token)?.enrol === true };
  }

  @Mutation(() => TwoFactorEnrollment, { description: 'Starts two-factor enrolment for the signed-in user' })
  enrollTwoFactor(@Ctx() caller: Caller): Promise<TwoFactorEnrollment> {
    return this.twoFactor.enrol(caller.user!.id);
  }

  @Mutation(() => [String], { description: 'Confirms enrolment with a first code; returns ten single-use recovery codes (shown once). Sign in again afterwards.' })
  confirmTwoFactor(@Arg('code', () => String) code: string, @Ctx() caller: Caller): Promise<string[]> {
    return this.twoFactor.confirm(caller.user!.id, code.slice(0, 20), caller);
  }

  @Mutation(() => User, { description: 'Turns a user’s two-factor sign-in off (a lost device); they enrol again' })
  async resetUserTwoFactor(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<User> {
    const user = await this.users.get(id);
    await this.twoFactor.reset(user.id, caller);
    return this.users.get(user.id);
  }
}
