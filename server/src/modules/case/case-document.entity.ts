import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../common/scalars';

export const DOCUMENT_KINDS = ['REQUEST_FORM', 'IDENTITY_DOCUMENT', 'PROXY_LETTER', 'SEAL_CERTIFICATE', 'OTHER', 'REPLY_LETTER'] as const;
/** Kinds the staff upload; REPLY_LETTER is only ever generated (the electronic form of the reply). */
export const UPLOAD_KINDS: readonly DocumentKind[] = DOCUMENT_KINDS.filter((k) => k !== 'REPLY_LETTER');
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const CaseDocumentKind = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, k])) as { [K in DocumentKind]: K };
registerEnumType(CaseDocumentKind, { name: 'CaseDocumentKind' });

/**
 * A scanned document of a case. Only metadata lives here; the content is
 * stored encrypted under config.documentDir and destroyed by the retention run.
 */
@Entity('case_document')
@ObjectType('CaseDocument')
export class CaseDocument {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Column('integer', { name: 'case_id' })
  @Field(() => ID)
  caseId!: number;

  @Column('varchar', { length: 30 })
  @Field(() => CaseDocumentKind)
  kind!: DocumentKind;

  @Column('varchar', { name: 'content_type', length: 40 })
  @Field()
  contentType!: string;

  @Column('integer', { name: 'size_bytes' })
  @Field(() => Int)
  sizeBytes!: number;

  /** The encrypted file's name under the document directory (random, says nothing about the content). */
  @Column('varchar', { name: 'storage_key', length: 64 })
  storageKey!: string;

  @Column('integer', { name: 'uploaded_by_id', nullable: true })
  @Field(() => ID, { nullable: true })
  uploadedById!: number | null;

  @Column('varchar', { name: 'uploaded_at', length: 24 })
  @Field(() => DateTimeScalar)
  uploadedAt!: string;

  @Column('varchar', { name: 'destroyed_at', length: 24, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  destroyedAt!: string | null;
}
