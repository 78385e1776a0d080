import { Ctx, Query, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { DashboardService } from './dashboard.service';
import { Dashboard } from './dashboard.types';

@Resolver(() => Dashboard)
export class DashboardResolver {
  constructor(private readonly dashboards: DashboardService) {}

  @Query(() => Dashboard, { description: 'The caller’s reminders, for their role; counts and ids only' })
  dashboard(@Ctx() caller: Caller): Promise<Dashboard> {
    return this.dashboards.forUser(caller.user!);
  }
}
