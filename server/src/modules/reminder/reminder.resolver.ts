import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { MailLanguage as MailLanguageValue } from '@mamori/shared';
import type { Caller } from '../common/caller';
import { MailLanguage } from '../common/enums';
import type { ReminderService } from './reminder.service';

@ObjectType({ description: 'The caller’s own e-mail reminders' })
export class ReminderSettings {
  @Field({ description: 'The daily digest of what is due (sent when SMTP is set up and something is due)' })
  digest!: boolean;

  @Field(() => MailLanguage, { description: 'The language of the caller’s e-mail' })
  language!: MailLanguageValue;
}

@Resolver()
export class ReminderResolver {
  constructor(private readonly reminders: ReminderService) {}

  @Query(() => ReminderSettings)
  myReminderSettings(@Ctx() caller: Caller): Promise<ReminderSettings> {
    return this.reminders.settingsOf(caller);
  }

  @Mutation(() => ReminderSettings)
  updateMyReminderSettings(
    @Arg('digest', () => Boolean, { nullable: true }) digest: boolean | null,
    @Arg('language', () => MailLanguage, { nullable: true }) language: MailLanguageValue | null,
    @Ctx() caller: Caller,
  ): Promise<ReminderSettings> {
    return this.reminders.updateSettings(caller, { digest: digest ?? undefined, language: language ?? undefined });
  }
}
