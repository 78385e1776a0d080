import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CaseStatus as CaseStatusValue } from '@mamori/shared';
import { CaseStatus } from '../../graphql/enums';
import type { Context } from '../../graphql/context';
import { ListMetadata } from '../../graphql/list';
import { DateScalar } from '../../graphql/scalars';
import { Case } from './case.entity';
import { CaseListArgs, CreateCaseArgs, UpdateCaseArgs } from './case.inputs';
import * as rules from './case.rules';
import { nextStatuses } from './case.workflow';
import { CaseDocument } from './case-document.entity';
import { CaseTransition } from './case-transition.entity';

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true })
  Case(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.cases.findVisible(id, ctx);
  }

  @Query(() => [Case])
  allCases(@Args() args: CaseListArgs, @Ctx() ctx: Context): Promise<Case[]> {
    return ctx.services.cases.list(args, ctx);
  }

  @Query(() => ListMetadata)
  async _allCasesMeta(@Args() args: CaseListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.cases.count(args, ctx) };
  }

  @Mutation(() => Case)
  createCase(@Args() args: CreateCaseArgs, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.cases.create(args, ctx);
  }

  @Mutation(() => Case, { description: 'Intake corrections and documents arriving later' })
  updateCase(@Args() args: UpdateCaseArgs, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.cases.update(args, ctx);
  }

  @Mutation(() => Case)
  assignCase(@Arg('id', () => ID) id: string, @Arg('assigneeId', () => ID) assigneeId: string, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.cases.assign(id, assigneeId, ctx);
  }

  @FieldResolver(() => Int, { description: '1,000 yen per piece of personal data requested' })
  feeOwedYen(@Root() c: Case): number {
    return rules.feeOwedYen(c);
  }

  @FieldResolver(() => DateScalar, { description: 'Received day + 14 days (Japan time)' })
  dueOn(@Root() c: Case): string {
    return rules.dueOn(c);
  }

  @FieldResolver(() => Int)
  daysLeft(@Root() c: Case, @Ctx() ctx: Context): number {
    return rules.daysLeft(c, ctx.clock.now());
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() c: Case, @Ctx() ctx: Context): boolean {
    return rules.isOverdue(c, ctx.clock.now());
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'Completed day + 1 year: the submitted documents are destroyed then' })
  documentsDestroyOn(@Root() c: Case): string | null {
    return rules.documentsDestroyOn(c);
  }

  @FieldResolver(() => [CaseStatus], { description: 'The statuses the workflow allows next (rules are checked on the move)' })
  allowedTransitions(@Root() c: Case): CaseStatusValue[] {
    return nextStatuses(c);
  }

  @FieldResolver(() => [CaseTransition], { description: 'Every transition: who, when, from, to, note' })
  timeline(@Root() c: Case, @Ctx() ctx: Context): Promise<CaseTransition[]> {
    return ctx.services.cases.timeline(c.id);
  }

  @FieldResolver(() => [CaseDocument], { description: 'Attached scans (metadata; download through /api/cases/:id/documents/:documentId)' })
  documents(@Root() c: Case, @Ctx() ctx: Context): Promise<CaseDocument[]> {
    return ctx.services.caseDocuments.ofCase(c.id);
  }
}
