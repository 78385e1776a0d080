import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import type { Caller } from '../common/caller';
import type { DataSubjectService } from './data-subject.service';
import type { CaseService } from '../case/case.service';
import { ListMetadata, toId } from '../common/list';
import { DataSubject } from './data-subject.entity';
import { BreakGlassArgs, CreateDataSubjectArgs, DataSubjectListArgs, MatchArgs, UpdateDataSubjectArgs } from './data-subject.inputs';

@ObjectType()
export class SubjectMatch {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'Family name with the rest masked, e.g. 山田 **' })
  maskedName!: string;

  @Field(() => SubjectCategory)
  category!: SubjectCategoryValue;
}

@Resolver(() => DataSubject)
export class DataSubjectResolver {
  constructor(
    private readonly subjects: DataSubjectService,
    private readonly cases: CaseService,
  ) {}

  @Query(() => DataSubject, { nullable: true })
  async DataSubject(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<DataSubject> {
    return (await this.subjects.findReadable(id, caller)).subject;
  }

  @Query(() => [DataSubject])
  allDataSubjects(@Args() args: DataSubjectListArgs, @Ctx() caller: Caller): Promise<DataSubject[]> {
    return this.subjects.list(args, caller);
  }

  @Query(() => ListMetadata)
  async _allDataSubjectsMeta(@Args() args: DataSubjectListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.subjects.count(args, caller) };
  }

  @Mutation(() => DataSubject)
  createDataSubject(@Args() args: CreateDataSubjectArgs, @Ctx() caller: Caller): Promise<DataSubject> {
    return this.subjects.create(args, caller);
  }

  @Mutation(() => DataSubject)
  async updateDataSubject(@Args() args: UpdateDataSubjectArgs, @Ctx() caller: Caller): Promise<DataSubject> {
    const caseId = args.caseId ? await this.cases.justifyingCase(toId(args.caseId, 'caseId'), toId(args.id), caller) : undefined;
    return this.subjects.update(args.id, args, caller, caseId);
  }

  @Mutation(() => DataSubject)
  async eraseDataSubject(
    @Arg('id', () => ID) id: string,
    @Arg('caseId', () => ID, { nullable: true }) caseId: string | null,
    @Ctx() caller: Caller,
  ): Promise<DataSubject> {
    const justifying = caseId ? await this.cases.justifyingCase(toId(caseId, 'caseId'), toId(id), caller) : null;
    return this.subjects.erase(id, justifying, caller);
  }

  @Mutation(() => DataSubject)
  breakGlassRead(@Args() args: BreakGlassArgs, @Ctx() caller: Caller): Promise<DataSubject> {
    return this.subjects.breakGlass(args.subjectId, args.reason, caller);
  }

  @Query(() => [SubjectMatch])
  async matchDataSubjects(@Args() args: MatchArgs, @Ctx() caller: Caller): Promise<SubjectMatch[]> {
    const c = await this.cases.findVisible(args.caseId, caller);
    return this.subjects.match(c.id, args.query, caller);
  }
}
