import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CalendarItemKind as CalendarItemKindValue, CalendarItemStatus as CalendarItemStatusValue } from '@mamori/shared';
import { CalendarItemKind, CalendarItemStatus } from '../common/enums';
import { DateScalar } from '../common/scalars';

/**
 * One dated item of the yearly calendar. Titles name records, never people:
 * a case by its reference, an incident by its reference, a ledger record by
 * its name, a subcontractor by its company name, other records by number.
 */
@ObjectType({ description: 'Something due on a day, without any personal data' })
export class CalendarItem {
  @Field(() => ID, { description: 'Unique in the calendar: the kind and the dated record' })
  key!: string;

  @Field(() => CalendarItemKind)
  kind!: CalendarItemKindValue;

  @Field(() => DateScalar, { description: 'The day it is due (Japan time)' })
  dueOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day of a period (an internal audit’s planned days); overdue after it' })
  endsOn!: string | null;

  @Field({ description: 'The record it concerns, without personal data' })
  title!: string;

  @Field({ description: 'The resource of the page that shows it (a GraphQL type name)' })
  resource!: string;

  @Field(() => ID, { description: 'The id of that record' })
  recordId!: number;

  @Field(() => CalendarItemStatus)
  status!: CalendarItemStatusValue;

  @Field({ description: 'Not done and past its day (or its period), Japan time' })
  overdue!: boolean;
}

@ObjectType({ description: 'What is due in one Japanese fiscal year (1 April to 31 March), as far as the caller may know' })
export class ComplianceCalendar {
  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => DateScalar, { description: '1 April' })
  from!: string;

  @Field(() => DateScalar, { description: '31 March of the next year' })
  to!: string;

  @Field(() => DateScalar, { description: 'Today in Japan time, the day every status is computed for' })
  today!: string;

  @Field(() => [CalendarItem], { description: 'By day, then kind and title' })
  items!: CalendarItem[];
}
