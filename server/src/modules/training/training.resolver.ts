import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { TrainingCompletion } from './training-completion.entity';
import { TrainingCourse } from './training-course.entity';
import { TrainingStatus } from './training-status';
import {
  CreateTrainingCourseArgs,
  RecordTrainingCompletionArgs,
  TrainingCompletionListArgs,
  TrainingCourseListArgs,
  TrainingStatusArgs,
  UpdateTrainingCourseArgs,
} from './training.inputs';
import type { TrainingService } from './training.service';

@Resolver(() => TrainingCourse)
export class TrainingResolver {
  constructor(private readonly training: TrainingService) {}

  @Query(() => TrainingCourse, { nullable: true })
  TrainingCourse(@Arg('id', () => ID) id: string): Promise<TrainingCourse> {
    return this.training.findCourse(id);
  }

  @Query(() => [TrainingCourse])
  allTrainingCourses(@Args() args: TrainingCourseListArgs): Promise<TrainingCourse[]> {
    return this.training.listCourses(args);
  }

  @Query(() => ListMetadata)
  async _allTrainingCoursesMeta(@Args() args: TrainingCourseListArgs): Promise<ListMetadata> {
    return { count: await this.training.countCourses(args) };
  }

  @Query(() => [TrainingCompletion], { description: 'All attempts for the privacy manager; one’s own for everyone else' })
  allTrainingCompletions(@Args() args: TrainingCompletionListArgs, @Ctx() caller: Caller): Promise<TrainingCompletion[]> {
    return this.training.listCompletions(args, caller);
  }

  @Query(() => ListMetadata)
  async _allTrainingCompletionsMeta(@Args() args: TrainingCompletionListArgs, @Ctx() caller: Caller): Promise<ListMetadata> {
    return { count: await this.training.countCompletions(args, caller) };
  }

  @Query(() => [TrainingStatus], { description: 'Every active user’s training standing for a fiscal year; incomplete users are flagged' })
  trainingStatus(@Args() args: TrainingStatusArgs): Promise<TrainingStatus[]> {
    return this.training.status(args);
  }

  @Query(() => TrainingStatus, { description: 'The signed-in user’s own training standing' })
  myTrainingStatus(@Ctx() caller: Caller, @Arg('fiscalYear', () => Int, { nullable: true }) fiscalYear?: number): Promise<TrainingStatus> {
    return this.training.myStatus(caller, fiscalYear ?? undefined);
  }

  @Mutation(() => TrainingCourse)
  createTrainingCourse(@Args() args: CreateTrainingCourseArgs, @Ctx() caller: Caller): Promise<TrainingCourse> {
    return this.training.createCourse(args, caller);
  }

  @Mutation(() => TrainingCourse)
  updateTrainingCourse(@Args() args: UpdateTrainingCourseArgs, @Ctx() caller: Caller): Promise<TrainingCourse> {
    return this.training.updateCourse(args, caller);
  }

  @Mutation(() => TrainingCourse, { description: 'No longer required; the course and its completions are kept' })
  retireTrainingCourse(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<TrainingCourse> {
    return this.training.retireCourse(id, caller);
  }

  @Mutation(() => TrainingCompletion)
  recordTrainingCompletion(@Args() args: RecordTrainingCompletionArgs, @Ctx() caller: Caller): Promise<TrainingCompletion> {
    return this.training.recordCompletion(args, caller);
  }
}
