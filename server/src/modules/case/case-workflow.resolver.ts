import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, registerEnumType } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { CaseWorkflowService } from './case-workflow.service';
import type { CaseLetterService } from './case-letter.service';
import { DateScalar } from '../common/scalars';
import { Case } from './case.entity';
import { CaseDocument } from './case-document.entity';
import { CarryOutCaseArgs, TransitionCaseArgs } from './case.inputs';
import type { LetterLanguage as LetterLanguageValue } from './reply-letter.labels';

const LetterLanguage = { ja: 'ja', en: 'en' } as const;
registerEnumType(LetterLanguage, { name: 'LetterLanguage', description: 'ja: Japanese (the letter sent); en: English rendering' });

@Resolver(() => Case)
export class CaseWorkflowResolver {
  constructor(
    private readonly caseWorkflow: CaseWorkflowService,
    private readonly caseLetters: CaseLetterService,
  ) {}

  @Mutation(() => Case, { description: 'Moves the case on its workflow; a broken rule is a CONFLICT naming it (extensions.rule)' })
  transitionCase(@Args() args: TransitionCaseArgs, @Ctx() caller: Caller): Promise<Case> {
    return this.caseWorkflow.transition(args, caller);
  }

  @Mutation(() => Case, { description: 'Carries the request out under the case (also done on reaching RESPONDED)' })
  carryOutCase(@Args() args: CarryOutCaseArgs, @Ctx() caller: Caller): Promise<Case> {
    return this.caseWorkflow.carryOutCase(args, caller);
  }

  @Mutation(() => Case, { description: 'Links the data subject found with matchDataSubjects' })
  linkCaseSubject(@Arg('id', () => ID) id: string, @Arg('subjectId', () => ID) subjectId: string, @Ctx() caller: Caller): Promise<Case> {
    return this.caseWorkflow.linkSubject(id, subjectId, caller);
  }

  @Mutation(() => Case, { description: 'Records that no personal data of the requester is held' })
  recordNoMatchingData(@Arg('id', () => ID) id: string, @Ctx() caller: Caller): Promise<Case> {
    return this.caseWorkflow.recordNoMatchingData(id, caller);
  }

  @Mutation(() => Case, { description: 'The day the reply letter was mailed (sets repliedOn)' })
  recordReplyMailed(@Arg('id', () => ID) id: string, @Arg('mailedOn', () => DateScalar) mailedOn: string, @Ctx() caller: Caller): Promise<Case> {
    return this.caseWorkflow.recordReplyMailed(id, mailedOn, caller);
  }

  @Query(() => String, { description: 'The reply letter as a print-ready HTML page; generating it is an audited read' })
  caseReplyLetter(
    @Arg('id', () => ID) id: string,
    @Arg('language', () => LetterLanguage, { defaultValue: 'ja' }) language: LetterLanguageValue,
    @Ctx() caller: Caller,
  ): Promise<string> {
    return this.caseLetters.replyLetter(id, language, caller);
  }

  @Mutation(() => CaseDocument, {
    description: 'ELECTRONIC_RECORD cases: saves the reply letter as a document of the case (kind REPLY_LETTER); its download is audited',
  })
  saveElectronicReply(
    @Arg('id', () => ID) id: string,
    @Arg('language', () => LetterLanguage, { defaultValue: 'ja' }) language: LetterLanguageValue,
    @Ctx() caller: Caller,
  ): Promise<CaseDocument> {
    return this.caseLetters.saveElectronicReply(id, language, caller);
  }
}
