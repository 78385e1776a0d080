import type { AuditEntry } from './audit-entry.entity';

const COLUMNS = [
  'seq', 'id', 'occurredAt', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'subjectId',
  'fields', 'caseId', 'reason', 'requestId', 'clientIp', 'outcome', 'changes', 'prevHash', 'hash',
] as const;

function row(e: AuditEntry): Record<(typeof COLUMNS)[number], unknown> {
  return { ...e, fields: e.fieldList, seq: e.seq ?? null, prevHash: e.prevHash ?? null, hash: e.hash ?? null };
}

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(entries: AuditEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const e of entries) {
    const r = row(e);
    lines.push(COLUMNS.map((c) => csvCell(r[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One JSON object a line; `extra` adds fields per entry (the leaf bytes and inclusion proof). */
export function toJsonLines(entries: AuditEntry[], extra: Map<AuditEntry, Record<string, unknown>> = new Map()): string {
  return entries.map((e) => {
    const r = row(e);
    return JSON.stringify({ ...Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? null])), ...extra.get(e) });
  }).join('\n') + (entries.length ? '\n' : '');
}
