import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { AUDIT_PROBLEMS, type AuditProblem as AuditProblemValue } from './log-verifier';

export const AuditProblem = Object.fromEntries(AUDIT_PROBLEMS.map((p) => [p, p])) as { [K in AuditProblemValue]: K };
registerEnumType(AuditProblem, {
  name: 'AuditProblem',
  description: 'What verification of the audit log found, most serious first (docs/audit-log-format.md)',
});

@ObjectType({ description: 'A signed checkpoint (C2SP signed-note) of the audit log’s Merkle tree' })
export class AuditCheckpoint {
  @Field()
  origin!: string;

  @Field(() => Int)
  treeSize!: number;

  @Field({ description: 'Base64, as in the note' })
  rootHash!: string;

  @Field({ description: 'The whole signed note' })
  note!: string;

  @Field({ description: 'The verifier key in note format: <name>+<hex key hash>+<base64 key>' })
  verifierKey!: string;

  @Field(() => [String], { description: 'Verifier keys of checkpoints signed before a key rotation' })
  previousVerifierKeys!: string[];

  @Field(() => DateTimeScalar)
  signedAt!: string;
}

@ObjectType({ description: 'RFC 9162 inclusion proof of one entry' })
export class AuditInclusionProof {
  @Field(() => Int)
  treeSize!: number;

  @Field(() => Int, { description: 'seq − 1' })
  leafIndex!: number;

  @Field({ description: 'The exact leaf bytes, base64' })
  leafData!: string;

  @Field({ description: 'SHA-256(0x00 ‖ leaf bytes), base64' })
  leafHash!: string;

  @Field(() => [String], { description: 'Base64 hashes, audit-path order (leaf side first)' })
  hashes!: string[];
}

@ObjectType({ description: 'RFC 9162 consistency proof between two tree sizes' })
export class AuditConsistencyProof {
  @Field(() => Int)
  fromSize!: number;

  @Field(() => Int)
  treeSize!: number;

  @Field(() => [String], { description: 'Base64 hashes in RFC 9162 order' })
  hashes!: string[];
}

@ObjectType({ description: 'A saved signed checkpoint checked against the log' })
export class AuditCheckpointCheck {
  @Field({ description: 'Signed by this log’s key (current or earlier)' })
  signatureValid!: boolean;

  @Field(() => Int)
  treeSize!: number;

  @Field({ description: 'The log still holds exactly that tree (same root at that size)' })
  held!: boolean;
}

@ObjectType({ description: 'One witness of the checkpoints and what it holds' })
export class AuditWitness {
  @Field()
  name!: string;

  @Field({ description: 'DIRECTORY or HTTP' })
  kind!: string;

  @Field(() => Int)
  witnessedSize!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  witnessedAt!: string | null;

  @Field(() => Int, { description: 'Entries in the newest checkpoint the witness does not hold yet' })
  lag!: number;

  @Field(() => String, { nullable: true, description: 'Why it refuses the newest checkpoint (an alarm)' })
  refusal!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it could not be reached (retried)' })
  error!: string | null;
}
