import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The same table, columns and rows as Mamori's data subjects, mapped the way a
 * team would map it on these libraries without any of Mamori's guarantees.
 */
@Entity('data_subject')
@ObjectType('DataSubject')
export class Person {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('varchar', { length: 30 })
  @Field()
  category!: string;

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

  @Column('varchar', { name: 'search_text', length: 700 })
  searchText!: string;

  @Column('boolean')
  @Field()
  restricted!: boolean;

  @Column('boolean', { name: 'provision_stopped' })
  @Field()
  provisionStopped!: boolean;

  @Column('varchar', { name: 'erased_at', length: 24, nullable: true })
  @Field(() => String, { nullable: true })
  erasedAt!: string | null;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field()
  createdAt!: string;

  @Column('varchar', { name: 'updated_at', length: 24 })
  @Field()
  updatedAt!: string;
}
