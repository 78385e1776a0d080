import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { japanDay } from '../../clock';
import type { Caller } from '../common/caller';
import { ListMetadata } from '../common/list';
import { DateScalar } from '../common/scalars';
import { ReceivedDataRecord } from './received-data.entity';
import { CreateReceivedDataRecordArgs, ReceivedDataRecordListArgs } from './received-data.inputs';
import { isPastRetention, retainUntil } from './received-data.rules';
import type { ReceivedDataService } from './received-data.service';

@Resolver(() => ReceivedDataRecord)
export class ReceivedDataResolver {
  constructor(private readonly received: ReceivedDataService) {}

  @Query(() => ReceivedDataRecord, { nullable: true })
  ReceivedDataRecord(@Arg('id', () => ID) id: string): Promise<ReceivedDataRecord> {
    return this.received.find(id);
  }

  @Query(() => [ReceivedDataRecord])
  allReceivedDataRecords(@Args() args: ReceivedDataRecordListArgs): Promise<ReceivedDataRecord[]> {
    return this.received.list(args);
  }

  @Query(() => ListMetadata)
  async _allReceivedDataRecordsMeta(@Args() args: ReceivedDataRecordListArgs): Promise<ListMetadata> {
    return { count: await this.received.count(args) };
  }

  @Mutation(() => ReceivedDataRecord)
  createReceivedDataRecord(@Args() args: CreateReceivedDataRecordArgs, @Ctx() caller: Caller): Promise<ReceivedDataRecord> {
    return this.received.create(args, caller);
  }

  @FieldResolver(() => DateScalar, { description: 'Kept at least until this day (three years after receipt)' })
  retainUntil(@Root() r: ReceivedDataRecord): string {
    return retainUntil(r);
  }

  @FieldResolver(() => Boolean, { description: 'Past its three years: listed for review, never deleted silently' })
  pastRetention(@Root() r: ReceivedDataRecord, @Ctx() caller: Caller): boolean {
    return isPastRetention(r, japanDay(caller.clock.now()));
  }
}
