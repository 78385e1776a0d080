import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, registerEnumType } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars';
import { Case } from './case.entity';
import { CarryOutCaseArgs, TransitionCaseArgs } from './case.inputs';
import type { LetterLanguage as LetterLanguageValue } from './reply-letter.labels';

const LetterLanguage = { ja: 'ja', en: 'en' } as const;
registerEnumType(LetterLanguage, { name: 'LetterLanguage', description: 'ja: Japanese (the letter sent); en: English rendering' });

@Resolver(() => Case)
export class CaseWorkflowResolver {
  @Mutation(() => Case, { description: 'Moves the case on its workflow; a broken rule is a CONFLICT naming it (extensions.rule)' })
  transitionCase(@Args() args: TransitionCaseArgs, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.caseWorkflow.transition(args, ctx);
  }

  @Mutation(() => Case, { description: 'Carries the request out under the case (also done on reaching RESPONDED)' })
  carryOutCase(@Args() args: CarryOutCaseArgs, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.caseWorkflow.carryOutCase(args, ctx);
  }

  @Mutation(() => Case, { description: 'Links the data subject found with matchDataSubjects' })
  linkCaseSubject(@Arg('id', () => ID) id: string, @Arg('subjectId', () => ID) subjectId: string, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.caseWorkflow.linkSubject(id, subjectId, ctx);
  }

  @Mutation(() => Case, { description: 'Records that no personal data of the requester is held' })
  recordNoMatchingData(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.caseWorkflow.recordNoMatchingData(id, ctx);
  }

  @Mutation(() => Case, { description: 'The day the reply letter was mailed (sets repliedOn)' })
  recordReplyMailed(@Arg('id', () => ID) id: string, @Arg('mailedOn', () => DateScalar) mailedOn: string, @Ctx() ctx: Context): Promise<Case> {
    return ctx.services.caseWorkflow.recordReplyMailed(id, mailedOn, ctx);
  }

  @Query(() => String, { description: 'The reply letter as a print-ready HTML page; generating it is an audited read' })
  caseReplyLetter(
    @Arg('id', () => ID) id: string,
    @Arg('language', () => LetterLanguage, { defaultValue: 'ja' }) language: LetterLanguageValue,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return ctx.services.caseLetters.replyLetter(id, language, ctx);
  }
}
