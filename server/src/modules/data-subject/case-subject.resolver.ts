import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Case } from '../case/case.entity';
import { DataSubject } from './data-subject.entity';

/**
 * `Case.subject`: the linked data subject, nested. Its personal fields are
 * guarded and audited per subject like any other path to them.
 */
@Resolver(() => Case)
export class CaseSubjectResolver {
  @FieldResolver(() => DataSubject, { nullable: true })
  async subject(@Root() c: Case, @Ctx() ctx: Context): Promise<DataSubject | null> {
    return c.subjectId ? ctx.services.subjects.find(c.subjectId) : null;
  }
}
