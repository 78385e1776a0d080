'use strict';
/** The Markdown summary of a benchmark run (bench/results/summary.md). */

const num = (n, digits = 0) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const pass = (ok) => (ok ? 'met' : '**not met**');

function scenarioTable(scenario) {
  const rows = [
    `| connections | ${scenario.base}: req/s | p50 / p99 ms | ${scenario.audited}: req/s | p50 / p99 ms | ratio | entries / commit |`,
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of scenario.runs) {
    const errors = r.base.errors + r.audited.errors ? ` (errors ${r.base.errors}/${r.audited.errors})` : '';
    rows.push(
      `| ${r.connections} | ${num(r.base.rps)} | ${r.base.p50} / ${r.base.p99} | ${num(r.audited.rps)} | ${r.audited.p50} / ${r.audited.p99} | ${num(r.ratio, 2)}${errors} | ${num(r.audited.entriesPerCommit, 1)} |`,
    );
  }
  return rows.join('\n');
}

function at32(scenario) {
  return scenario.runs.find((r) => r.connections === 32) ?? scenario.runs[scenario.runs.length - 1];
}

function targets(db) {
  const rows = ['| target (32 connections) | reached | goal | |', '|---|---:|---:|---|'];
  for (const s of Object.values(db.scenarios)) {
    const r = at32(s);
    rows.push(`| ${s.title}: ${s.audited} vs. ${s.base} | ${num(r.ratio, 2)} | ≥ ${s.target.toFixed(2)} | ${pass(r.ratio >= s.target)} |`);
  }
  if (db.verify) rows.push(`| 5. verifyAuditChain vs. raw SHA-256 of the same bytes | ${num(db.verify.ratio, 2)} | ≥ 0.30 | ${pass(db.verify.ratio >= 0.3)} |`);
  if (db.failClosed) {
    rows.push(
      `| 6. fail-closed: personal-data records received = READ entries written | ${num(db.failClosed.received)} = ${num(db.failClosed.readEntries)} | equal | ${pass(db.failClosed.equal)} |`,
    );
  }
  return rows.join('\n');
}

function markdownSummary(results) {
  const { settings, machine } = results;
  const out = [
    '# Benchmark: the cost of the audit log',
    '',
    `Run of ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (${num(results.totalSeconds)} s): ` +
      `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GiB, Node ${machine.node}; load from autocannon over loopback on the same cores. ` +
      `${settings.seconds} s per run at ${settings.connections.join(', ')} connections, ${num(settings.subjects)} subjects, ` +
      `${num(settings.seededEntries)} seeded audit entries, verification over a ${num(settings.chain)}-entry chain. ` +
      'Requests are signed in as the privacy manager, on random subjects (and random pages). ' +
      'Absolute figures are noisy on shared cores; the ratios, each against its baseline measured right before it in the same run, are what count.',
    '',
    'Raw data: [latest.json](latest.json). How it is measured: [bench/run.js](../run.js). What it means for scaling: [docs/scaling.md](../../docs/scaling.md).',
  ];
  for (const [kind, db] of Object.entries(results.databases)) {
    const name = kind === 'mysql' ? 'MariaDB / MySQL' : 'SQLite';
    out.push('', `## ${name}`, '', targets(db), '');
    for (const s of Object.values(db.scenarios)) out.push(`### ${s.title}`, '', scenarioTable(s), '');
    if (db.verify) {
      const v = db.verify;
      out.push(
        '### 5. verifyAuditChain',
        '',
        `${num(v.entries)} entries verified in ${num(v.seconds, 2)} s = ${num(v.perSecond)} entries/s (server CPU ${num(v.serverCpuSeconds, 2)} s); hashing the same ` +
          `${num(v.raw.bytes / 1e6)} MB with node:crypto alone: ${num(v.raw.perSecond)} entries/s with the one-shot \`crypto.hash\` the chain uses ` +
          `(${num(v.raw.mbPerSecond)} MB/s), ${num(v.raw.createHash.perSecond)} entries/s with \`createHash\`. ` +
          `Ratio ${num(v.ratio, 2)} (${num(v.ratioToCreateHash, 2)} against \`createHash\`).`,
        '',
      );
    }
    if (db.failClosed) {
      const f = db.failClosed;
      out.push(
        '### 6. Fail-closed count',
        '',
        `${num(f.requests)} audited requests (single reads and 100-subject lists) at 32 connections, every one completed: ` +
          `${num(f.received)} personal-data records received, ${num(f.readEntries)} READ entries written (${f.equal ? 'equal' : '**not equal**'}).`,
        '',
      );
    }
    if (db.twoProcesses) {
      const t = db.twoProcesses;
      out.push(
        '### Two server processes on one database',
        '',
        '| audited DataSubject(id), 32 connections | req/s | p50 / p99 ms | entries / commit |',
        '|---|---:|---:|---:|',
        `| one process | ${num(t.oneProcess.rps)} | ${t.oneProcess.p50} / ${t.oneProcess.p99} | ${num(t.oneProcess.entriesPerCommit, 1)} |`,
        `| two processes (16 connections each) | ${num(t.twoProcesses.rps)} | ${t.twoProcesses.p50} / ${t.twoProcesses.p99} | ${num(t.twoProcesses.entriesPerCommit, 1)} |`,
        '',
        `Afterwards the chain verified ${t.chainAfter.ok ? 'intact' : '**broken**'} (${num(t.chainAfter.checked)} entries, one chain, head ${num(t.chainAfter.headSeq)}); ` +
          `fail-closed count across both processes: ${num(t.failClosed.received)} received = ${num(t.failClosed.readEntries)} written (${t.failClosed.equal ? 'equal' : '**not equal**'}).`,
        '',
      );
    }
  }
  return `${out.join('\n')}\n`;
}

module.exports = { markdownSummary };
