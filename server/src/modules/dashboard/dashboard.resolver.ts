import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Dashboard } from './dashboard.types';

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Query(() => Dashboard, { description: 'The caller’s reminders, for their role; counts and ids only' })
  dashboard(@Ctx() ctx: Context): Promise<Dashboard> {
    return ctx.services.dashboard.forUser(ctx.user!);
  }
}
