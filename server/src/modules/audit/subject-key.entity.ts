import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A data subject's audit digest key, wrapped by AUDIT_HMAC_KEY; destroyed on erasure. */
@Entity('subject_key')
export class SubjectKey {
  @PrimaryColumn('integer', { name: 'subject_id' })
  subjectId!: number;

  @Column('varchar', { name: 'wrapped_key', length: 200, nullable: true })
  wrappedKey!: string | null;

  @Column('varchar', { name: 'destroyed_at', length: 24, nullable: true })
  destroyedAt!: string | null;
}
