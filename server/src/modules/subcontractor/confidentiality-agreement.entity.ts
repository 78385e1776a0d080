import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '../common/scalars';

/** A signed confidentiality agreement; without one in force a subcontractor may not receive data. */
@Entity('confidentiality_agreement')
@Index('IDX_confidentiality_agreement_subcontractor', ['subcontractorId', 'expiresOn'])
@ObjectType('ConfidentialityAgreement')
export class ConfidentialityAgreement {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'subcontractor_id' })
  @Field(() => ID)
  subcontractorId!: number;

  @Column('varchar', { name: 'signed_on', length: 10 })
  @Field(() => DateScalar)
  signedOn!: string;

  @Column('varchar', { name: 'effective_from', length: 10 })
  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Column('varchar', { name: 'expires_on', length: 10 })
  @Field(() => DateScalar, { description: 'The last day the agreement is in force' })
  expiresOn!: string;

  @Column('varchar', { name: 'document_ref', length: 200 })
  @Field({ description: 'Where the signed original is kept (file number, archive reference)' })
  documentRef!: string;

  @Column('integer', { name: 'recorded_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  recordedById!: number | null;

  @Column('varchar', { name: 'created_at', length: 24 })
  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Column('varchar', { name: 'updated_at', length: 24 })
  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
