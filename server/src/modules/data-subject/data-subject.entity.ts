import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectCategory as SubjectCategoryValue } from '@mamori/shared';
import { SubjectCategory } from '../common/enums';
import { DateTimeScalar } from '../common/scalars';

/**
 * The individual whose personal data is held. Never deleted: erasure replaces
 * the personal fields with a tombstone and destroys the subject's audit key.
 * Personal fields are guarded and audited by the field list in `shared`.
 */
@Entity('data_subject')
// Plain columns: graphql-js reads them directly, without type-graphql's per-field wrapper
// (a 100-subject list resolves 1,400 of them; guards and audit are added around them in graphql/schema.ts).
@ObjectType('DataSubject', { simpleResolvers: true })
export class DataSubject {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 30 })
  @Field(() => SubjectCategory)
  category!: SubjectCategoryValue;

  @Column('varchar', { name: 'full_name', length: 100 })
  @Field()
  fullName!: string;

  @Column('varchar', { name: 'full_name_kana', length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  fullNameKana!: string | null;

  @Column('varchar', { name: 'postal_code', length: 8, nullable: true })
  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Column('varchar', { name: 'postal_address', length: 300, nullable: true })
  @Field(() => String, { nullable: true })
  postalAddress!: string | null;

  @Column('varchar', { length: 20, nullable: true })
  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Column('varchar', { length: 254, nullable: true })
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  company!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  division!: string | null;

  @Column('varchar', { length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  title!: string | null;

  /** Search keys of name, reading and e-mail (see withSearchKeys); compared byte for byte on both databases. */
  @Column('varchar', { name: 'search_text', length: 700 })
  searchText!: string;

  /** The reading's 50-sound sort key. */
  @Column('varchar', { name: 'reading_key', length: 210, nullable: true })
  readingKey!: string | null;

  /** Set by a completed cessation-of-use request: reads then need the manager or break-glass. */
  @Column('boolean')
  @Field()
  restricted!: boolean;

  /** Set by a completed cessation-of-provision request: no new provision records. */
  @Column('boolean', { name: 'provision_stopped' })
  @Field()
  provisionStopped!: boolean;

  @Column('varchar', { name: 'erased_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  erasedAt!: string | null;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Column('varchar', { name: 'updated_at', length: 24 })
  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
