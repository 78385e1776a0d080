import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { itemLabel, type CaseStatus as CaseStatusValue } from '@mamori/shared';
import type { DataSubjectService } from '../data-subject/data-subject.service';
import { RequestedItem, withHolding } from './requested-items';
import { CaseStatus } from '../common/enums';
import type { Caller } from '../common/caller';
import type { CaseService } from './case.service';
import type { CaseDocumentService } from './case-document.service';
import { ListMetadata } from '../common/list';
import { DateScalar } from '../common/scalars';
import { Case } from './case.entity';
import { CaseListArgs, CreateCaseArgs, UpdateCaseArgs } from './case.inputs';
import * as rules from './case.rules';
import { nextStatuses } from './case.workflow';
import { CaseDocument } from './case-document.entity';
import { CaseTransition } from './case-transition.entity';

@Resolver(() => Case)
export class CaseResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly caseDocuments: CaseDocumentService,
    private readonly subjects: DataSubjectService,
  ) {}

  @Query(() => Case, { nullable: true })
  Case(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<Case> {
    return this.cases.findRecord(id, caller);
  }

  @Query(() => [Case])
  allCases(@Args() args: CaseListArgs, @Ctx() caller: Caller): Promise<Case[]> {
    return this.cases.list(args, caller);
  }

  @Query(() => ListMetadata)
  async _allCasesMeta(@Args() args: CaseListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.cases.count(args, caller) };
  }

  @Mutation(() => Case)
  createCase(@Args() args: CreateCaseArgs, @Ctx() caller: Caller): Promise<Case> {
    return this.cases.create(args, caller);
  }

  @Mutation(() => Case, { description: 'Intake corrections and documents arriving later' })
  updateCase(@Args() args: UpdateCaseArgs, @Ctx() caller: Caller): Promise<Case> {
    return this.cases.update(args, caller);
  }

  @Mutation(() => Case)
  assignCase(@Arg('id', () => ID) id: string, @Arg('assigneeId', () => ID) assigneeId: string, @Ctx() caller: Caller): Promise<Case> {
    return this.cases.assign(id, assigneeId, caller);
  }

  @FieldResolver(() => [RequestedItem], { description: 'The pieces of personal data requested, with whether the subject holds each (names of fields, never values)' })
  async requestedItems(@Root() c: Case): Promise<RequestedItem[]> {
    const subject = c.subjectId ? await this.subjects.find(c.subjectId) : null;
    return withHolding(c.requestedItems, subject);
  }

  @FieldResolver(() => [String], { deprecationReason: 'Use requestedItems', description: 'The requested items in Japanese words' })
  dataItems(@Root() c: Case): string[] {
    return c.requestedItems.map((i) => itemLabel(i, 'ja'));
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
  daysLeft(@Root() c: Case, @Ctx() caller: Caller): number {
    return rules.daysLeft(c, caller.clock.now());
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() c: Case, @Ctx() caller: Caller): boolean {
    return rules.isOverdue(c, caller.clock.now());
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
  timeline(@Root() c: Case, @Ctx() caller: Caller): Promise<CaseTransition[]> {
    return this.cases.timeline(c.id);
  }

  @FieldResolver(() => [CaseDocument], { description: 'Attached scans (metadata; download through /api/cases/:id/documents/:documentId)' })
  documents(@Root() c: Case, @Ctx() caller: Caller): Promise<CaseDocument[]> {
    return this.caseDocuments.ofCase(c.id);
  }
}
