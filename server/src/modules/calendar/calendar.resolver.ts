import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import { ComplianceCalendarArgs } from './calendar.inputs';
import type { CalendarService } from './calendar.service';
import { ComplianceCalendar } from './calendar.types';

@Resolver(() => ComplianceCalendar)
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Query(() => ComplianceCalendar, { description: 'The yearly calendar of what is due: each role sees the items of the records it may read; no personal data' })
  complianceCalendar(@Args() args: ComplianceCalendarArgs, @Ctx() caller: Caller): Promise<ComplianceCalendar> {
    return this.calendar.forYear(args, caller);
  }
}
