import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { ConfidentialityAgreementService } from './confidentiality-agreement.service';
import type { SubcontractorService } from './subcontractor.service';
import { ListMetadata } from '../common/list';
import { ConfidentialityAgreement } from './confidentiality-agreement.entity';
import {
  ConfidentialityAgreementListArgs,
  CreateConfidentialityAgreementArgs,
  UpdateConfidentialityAgreementArgs,
} from './confidentiality-agreement.inputs';
import * as rules from './supervision.rules';

@Resolver(() => ConfidentialityAgreement)
export class ConfidentialityAgreementResolver {
  constructor(
    private readonly agreements: ConfidentialityAgreementService,
    private readonly subcontractors: SubcontractorService,
  ) {}

  @Query(() => ConfidentialityAgreement, { nullable: true })
  ConfidentialityAgreement(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<ConfidentialityAgreement> {
    return this.agreements.find(id);
  }

  @Query(() => [ConfidentialityAgreement])
  allConfidentialityAgreements(@Args() args: ConfidentialityAgreementListArgs, @Ctx() caller: Caller): Promise<ConfidentialityAgreement[]> {
    return this.agreements.list(args);
  }

  @Query(() => ListMetadata)
  async _allConfidentialityAgreementsMeta(@Args() args: ConfidentialityAgreementListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.agreements.count(args) };
  }

  @Mutation(() => ConfidentialityAgreement)
  createConfidentialityAgreement(@Args() args: CreateConfidentialityAgreementArgs, @Ctx() caller: Caller): Promise<ConfidentialityAgreement> {
    return this.agreements.create(args, caller);
  }

  @Mutation(() => ConfidentialityAgreement)
  updateConfidentialityAgreement(@Args() args: UpdateConfidentialityAgreementArgs, @Ctx() caller: Caller): Promise<ConfidentialityAgreement> {
    return this.agreements.update(args, caller);
  }

  @FieldResolver(() => Boolean, { description: 'Today is between effectiveFrom and expiresOn, both included' })
  inForce(@Root() a: ConfidentialityAgreement, @Ctx() caller: Caller): boolean {
    return rules.inForce(a, this.subcontractors.today());
  }

  @FieldResolver(() => Int, { description: 'Days from today to expiresOn (0 on the last day, negative once expired)' })
  daysToExpiry(@Root() a: ConfidentialityAgreement, @Ctx() caller: Caller): number {
    return rules.daysToExpiry(a, this.subcontractors.today());
  }

  @FieldResolver(() => Boolean, { description: 'In force and expiring within 30 days' })
  expiringSoon(@Root() a: ConfidentialityAgreement, @Ctx() caller: Caller): boolean {
    return rules.expiringSoon(a, this.subcontractors.today());
  }

  @FieldResolver(() => Boolean, { description: 'Another agreement of the same subcontractor continues it without a gap' })
  async renewed(@Root() a: ConfidentialityAgreement, @Ctx() caller: Caller): Promise<boolean> {
    const record = await this.subcontractors.record(a.subcontractorId, caller);
    return rules.renewed(a, record.agreements);
  }
}
