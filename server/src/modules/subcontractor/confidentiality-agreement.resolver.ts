import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { ConfidentialityAgreement } from './confidentiality-agreement.entity';
import {
  ConfidentialityAgreementListArgs,
  CreateConfidentialityAgreementArgs,
  UpdateConfidentialityAgreementArgs,
} from './confidentiality-agreement.inputs';
import * as rules from './supervision.rules';

@Resolver(() => ConfidentialityAgreement)
export class ConfidentialityAgreementResolver {
  @Query(() => ConfidentialityAgreement, { nullable: true })
  ConfidentialityAgreement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ConfidentialityAgreement> {
    return ctx.services.agreements.find(id);
  }

  @Query(() => [ConfidentialityAgreement])
  allConfidentialityAgreements(@Args() args: ConfidentialityAgreementListArgs, @Ctx() ctx: Context): Promise<ConfidentialityAgreement[]> {
    return ctx.services.agreements.list(args);
  }

  @Query(() => ListMetadata)
  async _allConfidentialityAgreementsMeta(@Args() args: ConfidentialityAgreementListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.agreements.count(args) };
  }

  @Mutation(() => ConfidentialityAgreement)
  createConfidentialityAgreement(@Args() args: CreateConfidentialityAgreementArgs, @Ctx() ctx: Context): Promise<ConfidentialityAgreement> {
    return ctx.services.agreements.create(args, ctx);
  }

  @Mutation(() => ConfidentialityAgreement)
  updateConfidentialityAgreement(@Args() args: UpdateConfidentialityAgreementArgs, @Ctx() ctx: Context): Promise<ConfidentialityAgreement> {
    return ctx.services.agreements.update(args, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'Today is between effectiveFrom and expiresOn, both included' })
  inForce(@Root() a: ConfidentialityAgreement, @Ctx() ctx: Context): boolean {
    return rules.inForce(a, ctx.services.subcontractors.today());
  }

  @FieldResolver(() => Int, { description: 'Days from today to expiresOn (0 on the last day, negative once expired)' })
  daysToExpiry(@Root() a: ConfidentialityAgreement, @Ctx() ctx: Context): number {
    return rules.daysToExpiry(a, ctx.services.subcontractors.today());
  }

  @FieldResolver(() => Boolean, { description: 'In force and expiring within 30 days' })
  expiringSoon(@Root() a: ConfidentialityAgreement, @Ctx() ctx: Context): boolean {
    return rules.expiringSoon(a, ctx.services.subcontractors.today());
  }

  @FieldResolver(() => Boolean, { description: 'Another agreement of the same subcontractor continues it without a gap' })
  async renewed(@Root() a: ConfidentialityAgreement, @Ctx() ctx: Context): Promise<boolean> {
    const record = await ctx.services.subcontractors.record(a.subcontractorId, ctx);
    return rules.renewed(a, record.agreements);
  }
}
