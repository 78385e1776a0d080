import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The chain: entry `entryId` sits at `seq`, after `prevHash`; append-only. */
@Entity('audit_link')
export class AuditLink {
  @PrimaryColumn('integer')
  seq!: number;

  @Column('integer', { name: 'entry_id' })
  entryId!: number;

  @Column('varchar', { name: 'prev_hash', length: 64 })
  prevHash!: string;

  @Column('varchar', { length: 64 })
  hash!: string;

  @Column('varchar', { name: 'linked_at', length: 24 })
  linkedAt!: string;
}
