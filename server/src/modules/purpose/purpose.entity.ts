import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonStrings } from '../../db/json-columns';
import type { SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';


/** A purpose of use from the privacy policy; personal data is used only within one. */
@Entity('purpose_of_use')
@ObjectType('PurposeOfUse')
export class PurposeOfUse {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 50 })
  @Field()
  code!: string;

  @Column('varchar', { length: 200 })
  @Field()
  title!: string;

  @Column('varchar', { name: 'title_ja', length: 200 })
  @Field()
  titleJa!: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Column('varchar', { length: 300, transformer: jsonStrings })
  @Field(() => [SubjectCategory], { description: 'The groups of data subjects this purpose concerns' })
  categories!: SubjectCategoryValue[];

  @Column('boolean')
  @Field()
  active!: boolean;
}
