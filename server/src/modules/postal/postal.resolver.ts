import { Arg, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { PostalService } from './postal.service';

@ObjectType('PostalArea', { description: 'The area of a Japanese postal code (Japan Post’s data)' })
export class PostalAreaType {
  @Field({ description: 'The code as 123-4567' })
  postalCode!: string;

  @Field()
  prefecture!: string;

  @Field()
  city!: string;

  @Field(() => [String], { description: 'The towns of the code: none for a code of a whole city, sometimes several' })
  towns!: string[];
}

@Resolver()
export class PostalResolver {
  constructor(private readonly postal: PostalService) {}

  @Query(() => PostalAreaType, { nullable: true, description: 'The area of a postal code, or null for a code Japan Post does not list' })
  postalArea(@Arg('postalCode', { description: 'Typed as people type it: 1000001, １００－０００１, 〒100-0001' }) postalCode: string): PostalAreaType | null {
    return this.postal.lookup(postalCode);
  }
}
