import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import type { DataSubjectService } from './data-subject.service';
import { Case } from '../case/case.entity';
import { DataSubject } from './data-subject.entity';

/**
 * `Case.subject`: the linked data subject, nested. Its personal fields are
 * guarded and audited per subject like any other path to them.
 */
@Resolver(() => Case)
export class CaseSubjectResolver {
  constructor(private readonly subjects: DataSubjectService) {}

  @FieldResolver(() => DataSubject, { nullable: true })
  async subject(@Root() c: Case, @Ctx() caller: Caller): Promise<DataSubject | null> {
    return c.subjectId ? this.subjects.find(c.subjectId) : null;
  }
}
