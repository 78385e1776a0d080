import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { RetentionResult } from './retention.service';

@Resolver()
export class RetentionResolver {
  @Mutation(() => RetentionResult, { description: 'Destroys documents past their year (also run daily); audited as RETENTION_PURGE' })
  runRetention(@Ctx() ctx: Context): Promise<RetentionResult> {
    return ctx.services.retention.run(ctx.audit);
  }
}
