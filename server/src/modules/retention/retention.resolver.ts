import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { RetentionService } from './retention.service';
import { RetentionResult } from './retention.service';

@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Mutation(() => RetentionResult, { description: 'Destroys documents past their year (also run daily); audited as RETENTION_PURGE' })
  runRetention(@Ctx() caller: Caller): Promise<RetentionResult> {
    return this.retention.run(caller.audit);
  }
}
