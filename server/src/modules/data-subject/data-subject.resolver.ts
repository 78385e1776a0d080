import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../../graphql/enums';
import type { Context } from '../../graphql/context';
import { ListMetadata, toId } from '../../graphql/list';
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
  @Query(() => DataSubject, { nullable: true })
  async DataSubject(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DataSubject> {
    return (await ctx.services.subjects.findReadable(id, ctx)).subject;
  }

  @Query(() => [DataSubject])
  allDataSubjects(@Args() args: DataSubjectListArgs, @Ctx() ctx: Context): Promise<DataSubject[]> {
    return ctx.services.subjects.list(args, ctx);
  }

  @Query(() => ListMetadata)
  async _allDataSubjectsMeta(@Args() args: DataSubjectListArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.subjects.count(args, ctx) };
  }

  @Mutation(() => DataSubject)
  createDataSubject(@Args() args: CreateDataSubjectArgs, @Ctx() ctx: Context): Promise<DataSubject> {
    return ctx.services.subjects.create(args, ctx);
  }

  @Mutation(() => DataSubject)
  async updateDataSubject(@Args() args: UpdateDataSubjectArgs, @Ctx() ctx: Context): Promise<DataSubject> {
    const caseId = args.caseId ? await ctx.services.cases.justifyingCase(toId(args.caseId, 'caseId'), toId(args.id), ctx) : undefined;
    return ctx.services.subjects.update(args.id, args, ctx, caseId);
  }

  @Mutation(() => DataSubject)
  async eraseDataSubject(
    @Arg('id', () => ID) id: string,
    @Arg('caseId', () => ID, { nullable: true }) caseId: string | null,
    @Ctx() ctx: Context,
  ): Promise<DataSubject> {
    const justifying = caseId ? await ctx.services.cases.justifyingCase(toId(caseId, 'caseId'), toId(id), ctx) : null;
    return ctx.services.subjects.erase(id, justifying, ctx);
  }

  @Mutation(() => DataSubject)
  breakGlassRead(@Args() args: BreakGlassArgs, @Ctx() ctx: Context): Promise<DataSubject> {
    return ctx.services.subjects.breakGlass(args.subjectId, args.reason, ctx);
  }

  @Query(() => [SubjectMatch])
  async matchDataSubjects(@Args() args: MatchArgs, @Ctx() ctx: Context): Promise<SubjectMatch[]> {
    const c = await ctx.services.cases.findVisible(args.caseId, ctx);
    return ctx.services.subjects.match(c.id, args.query, ctx);
  }
}
