import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { MeasureStatus, type MeasureStatusValue } from './incident.enums';

/** A preventive or corrective measure taken after an incident. */
@Entity('incident_measure')
@Index('IDX_incident_measure_incident', ['incidentId', 'status'])
@ObjectType('IncidentMeasure')
export class IncidentMeasure {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'incident_id' })
  @Field(() => ID)
  incidentId!: number;

  @Column('varchar', { length: 1000 })
  @Field()
  description!: string;

  @Column('varchar', { length: 20 })
  @Field(() => MeasureStatus)
  status!: MeasureStatusValue;

  @Column('varchar', { name: 'due_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  dueOn!: string | null;

  @Column('varchar', { name: 'done_on', length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  doneOn!: string | null;

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
