import { Arg, Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { Person } from './person';

@ArgsType()
class ListArgs {
  @Field(() => Int, { nullable: true })
  page?: number;

  @Field(() => Int, { nullable: true })
  perPage?: number;

  @Field(() => String, { nullable: true })
  sortField?: string;
}

/** The three operations the benchmark sends, named as Mamori names them so one request body serves both servers. */
export function personResolver(db: DataSource) {
  @Resolver(() => Person)
  class PersonResolver {
    @Query(() => Person, { nullable: true })
    DataSubject(@Arg('id', () => ID) id: string): Promise<Person | null> {
      return db.manager.findOneBy(Person, { id: Number(id) });
    }

    @Query(() => [Person])
    allDataSubjects(@Args() { page = 0, perPage = 25 }: ListArgs): Promise<Person[]> {
      return db.manager.find(Person, { order: { id: 'ASC' }, skip: page * perPage, take: perPage });
    }

    @Mutation(() => Person)
    async updateDataSubject(@Arg('id', () => ID) id: string, @Arg('phone', () => String, { nullable: true }) phone: string | null): Promise<Person> {
      const person = await db.manager.findOneByOrFail(Person, { id: Number(id) });
      person.phone = phone;
      person.updatedAt = new Date().toISOString();
      return db.manager.save(person);
    }
  }
  return PersonResolver;
}
