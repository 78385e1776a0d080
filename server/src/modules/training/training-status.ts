import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Role as RoleValue } from '@mamori/shared';
import { Role } from '../common/enums';
import { DateScalar } from '../common/scalars';

/** Whether one active user has passed every course of a fiscal year. */
@ObjectType('TrainingStatus')
export class TrainingStatus {
  @Field(() => ID)
  userId!: number;

  @Field()
  displayName!: string;

  @Field(() => Role)
  role!: RoleValue;

  @Field(() => String, { nullable: true, description: 'The user\'s department (部署), for the standing per department' })
  department!: string | null;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => Int, { description: 'Courses of the year in force' })
  coursesRequired!: number;

  @Field(() => Int, { description: 'Of those, the courses this user has passed' })
  coursesPassed!: number;

  @Field(() => [ID], { description: 'The courses of the year this user has not passed yet' })
  missingCourseIds!: number[];

  @Field({ description: 'Every course of the year passed' })
  complete!: boolean;

  @Field({ description: 'A course not passed by its due day' })
  overdue!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the latest pass of a course of the year' })
  lastPassedOn!: string | null;
}
