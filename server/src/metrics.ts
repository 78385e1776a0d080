import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus figures served at /metrics. Counts and timings only, never personal data. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpMetrics = {
  duration: new Histogram({
    name: 'mamori_graphql_request_seconds',
    help: 'GraphQL request latency',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  }),
  anonymousRefusals: new Counter({
    name: 'mamori_anonymous_refusals_total',
    help: 'Requests refused because they carried no valid token',
    registers: [registry],
  }),
};

export const auditMetrics = {
  batchSize: new Histogram({
    name: 'mamori_audit_batch_entries',
    help: 'Audit entries per group commit',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000],
    registers: [registry],
  }),
  commitSeconds: new Histogram({
    name: 'mamori_audit_commit_seconds',
    help: 'Latency of one audit group commit',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  }),
  entriesCommitted: new Counter({ name: 'mamori_audit_entries_total', help: 'Audit entries committed by the group writer', registers: [registry] }),
  commits: new Counter({ name: 'mamori_audit_commits_total', help: 'Audit group commits', registers: [registry] }),
  failures: new Counter({ name: 'mamori_audit_failures_total', help: 'Audit commits that failed (requests failed closed)', registers: [registry] }),
  headSeq: new Gauge({ name: 'mamori_audit_chain_head_seq', help: 'Sequence number of the audit chain head', registers: [registry] }),
};

export const transactionMetrics = {
  retries: new Counter({
    name: 'mamori_transaction_retries_total',
    help: 'Transactions run again after losing a race (deadlock, certification conflict, lock wait timeout)',
    registers: [registry],
  }),
  gaveUp: new Counter({
    name: 'mamori_transaction_conflicts_total',
    help: 'Transactions still conflicting after every attempt (answered CONFLICT, retryable)',
    registers: [registry],
  }),
};

export const mailMetrics = {
  queued: new Counter({ name: 'mamori_mail_queued_total', help: 'Reminder messages put in the outbox', labelNames: ['kind'], registers: [registry] }),
  sent: new Counter({ name: 'mamori_mail_sent_total', help: 'Messages the SMTP server accepted', registers: [registry] }),
  failures: new Counter({ name: 'mamori_mail_send_failures_total', help: 'Send attempts that failed (the message stays in the outbox and is retried)', registers: [registry] }),
  pending: new Gauge({ name: 'mamori_mail_outbox_pending', help: 'Messages waiting in the outbox after the last delivery pass', registers: [registry] }),
};
