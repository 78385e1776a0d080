import { Counter, Gauge } from 'prom-client';
import { registry } from '../../../metrics';

/** Figures of checkpoints, witnesses and verification: sizes and counts only. */
export const transparencyMetrics = {
  checkpointSize: new Gauge({ name: 'mamori_audit_checkpoint_size', help: 'Tree size of the newest signed checkpoint', registers: [registry] }),
  witnessedSize: new Gauge({ name: 'mamori_audit_witnessed_size', help: 'Tree size the witness holds', labelNames: ['witness'], registers: [registry] }),
  witnessLag: new Gauge({ name: 'mamori_audit_witness_lag_entries', help: 'Entries signed but not yet held by the witness', labelNames: ['witness'], registers: [registry] }),
  witnessRefusals: new Counter({ name: 'mamori_audit_witness_refusals_total', help: 'Checkpoints a witness refused (an alarm)', labelNames: ['witness'], registers: [registry] }),
  witnessFailures: new Counter({ name: 'mamori_audit_witness_failures_total', help: 'Hand-overs that failed because the witness could not be reached', labelNames: ['witness'], registers: [registry] }),
  clockBackwards: new Counter({ name: 'mamori_audit_clock_backwards_total', help: 'Checkpoints signed at a time before the previous one (the clock moved backwards; an alarm)', registers: [registry] }),
  verificationProblem: new Gauge({ name: 'mamori_audit_verification_problem', help: '1 while the newest verification found this problem', labelNames: ['problem'], registers: [registry] }),
};
