import { ArrayMaxSize, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { CALENDAR_ITEM_KINDS, type CalendarItemKind as CalendarItemKindValue } from '@mamori/shared';
import { CalendarItemKind } from '../common/enums';

export const FIRST_FISCAL_YEAR = 2000;
export const LAST_FISCAL_YEAR = 2999;

@ArgsType()
export class ComplianceCalendarArgs {
  @Field(() => Int, { nullable: true, description: 'The fiscal year by the year it starts in (2026: 1 April 2026 to 31 March 2027); the current one in Japan time by default' })
  @IsOptional()
  @IsInt()
  @Min(FIRST_FISCAL_YEAR)
  @Max(LAST_FISCAL_YEAR)
  fiscalYear?: number;

  @Field(() => [CalendarItemKind], { nullable: true, description: 'Only these kinds; every kind the caller may see by default' })
  @IsOptional()
  @ArrayMaxSize(CALENDAR_ITEM_KINDS.length)
  @IsIn(CALENDAR_ITEM_KINDS, { each: true })
  kinds?: CalendarItemKindValue[];
}
