import { IsBoolean, IsEmail, IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ROLES, type Role as RoleValue } from '@mamori/shared';
import { Role } from '../common/enums';
import { ListArgs, ListFilter } from '../common/list';
import { DEPARTMENT_MAX } from './department';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

@InputType()
export class UserFilter extends ListFilter {
  @Field({ nullable: true })
  @MaxLength(200)
  override q?: string;

  @Field(() => Role, { nullable: true })
  role?: RoleValue;

  @Field({ nullable: true })
  active?: boolean;

  @Field({ nullable: true, description: 'Users of this department (compared in its canonical form)' })
  @IsOptional()
  @MaxLength(DEPARTMENT_MAX)
  department?: string;
}

@ArgsType()
export class UserListArgs extends ListArgs {
  @Field(() => UserFilter, { nullable: true })
  filter?: UserFilter;
}

@ArgsType()
export class CreateUserArgs {
  @Field()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @Length(1, 100)
  displayName!: string;

  @Field(() => Role)
  @IsIn(ROLES)
  role!: RoleValue;

  @Field()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Department (部署); blank for none' })
  @IsOptional()
  @MaxLength(DEPARTMENT_MAX)
  department?: string | null;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  displayName?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsIn(ROLES)
  role?: RoleValue;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Department (部署); blank clears it, absent leaves it' })
  @IsOptional()
  @MaxLength(DEPARTMENT_MAX)
  department?: string | null;

  // react-admin sends the record back whole; these are accepted and ignored.
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(254)
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(40)
  lockedUntil?: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @Length(1, PASSWORD_MAX)
  currentPassword!: string;

  @Field()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `newPassword must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  newPassword!: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID)
  id!: string;

  @Field()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `newPassword must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  newPassword!: string;
}
