import type { MailLanguage } from '@mamori/shared';
import type { CaseReminder, Dashboard } from '../dashboard/dashboard.types';

/**
 * The words of reminder mail, in Japanese and English. A mail names
 * references, counts, dates and links into the UI, never personal data: it
 * is built from the dashboard (which holds none) and incident references.
 */

export interface MailText {
  subject: string;
  body: string;
}

type Words = typeof JA;

const JA = {
  product: 'Mamori',
  digestSubject: (day: string, n: number) => `【Mamori】${day} のリマインダー（${n}件）`,
  greeting: '本日対応が必要な項目をお知らせします。',
  overdueCases: '期限を過ぎた案件',
  dueSoonCases: '3日以内に期限を迎える案件',
  caseLine: (c: CaseReminder) => `${c.reference}（期限 ${c.dueOn}、${c.daysLeft < 0 ? `${-c.daysLeft}日超過` : `残り${c.daysLeft}日`}）`,
  unassigned: (n: number) => `担当者未割当の案件: ${n}件`,
  breakGlass: (n: number) => `確認待ちの緊急閲覧: ${n}件`,
  agreements: (n: number) => `更新が必要な秘密保持契約: ${n}件`,
  reviews: (n: number) => `定期評価の期限を過ぎた委託先: ${n}件`,
  handOvers: (n: number) => `終了日を過ぎた委託（返却・削除の確認待ち）: ${n}件`,
  incidents: (n: number) => `報告が済んでいない漏えい等: ${n}件`,
  reportsOverdue: (n: number) => `報告期限を過ぎた漏えい等: ${n}件`,
  retention: (n: number) => `保存期間の経過により直近24時間に消去・廃棄した記録: ${n}件`,
  correctiveActionsOverdue: (n: number) => `期限を過ぎた是正処置: ${n}件`,
  correctiveActionsAwaiting: (n: number) => `有効性の確認待ちの是正処置: ${n}件`,
  reviewActionsOverdue: (n: number) => `期限を過ぎたマネジメントレビューの処置: ${n}件`,
  open: 'Mamori で開く',
  footer: (settings: string) => `このメールは Mamori から自動で送信しています。日次のお知らせは ${settings} で停止できます。`,
  reportableSubject: (ref: string) => `【Mamori】報告対象の漏えい等: ${ref}`,
  reportableBody: (ref: string, preliminary: string, final: string) =>
    `報告対象となる漏えい等が登録されました: ${ref}\n個人情報保護委員会への速報期限: ${preliminary}\n確報期限: ${final}`,
  deadlineSubject: (ref: string, kind: DeadlineKind, dueOn: string) => `【Mamori】${ref} の${kind === 'PRELIMINARY' ? '速報' : '確報'}期限が近づいています（${dueOn}）`,
  deadlineBody: (ref: string, kind: DeadlineKind, dueOn: string, daysLeft: number) =>
    `${ref} の個人情報保護委員会への${kind === 'PRELIMINARY' ? '速報' : '確報'}期限は ${dueOn} です（残り${daysLeft}日）。`,
};

const EN: Words = {
  product: 'Mamori',
  digestSubject: (day, n) => `[Mamori] Reminders for ${day} (${n})`,
  greeting: 'These need your attention today.',
  overdueCases: 'Cases past their deadline',
  dueSoonCases: 'Cases due within 3 days',
  caseLine: (c) => `${c.reference} (due ${c.dueOn}, ${c.daysLeft < 0 ? `${-c.daysLeft} days overdue` : `${c.daysLeft} days left`})`,
  unassigned: (n) => `Cases nobody is assigned to: ${n}`,
  breakGlass: (n) => `Break-glass reads to review: ${n}`,
  agreements: (n) => `Confidentiality agreements to renew: ${n}`,
  reviews: (n) => `Subcontractors past their periodic review: ${n}`,
  handOvers: (n) => `Entrustments past their end (return or deletion to confirm): ${n}`,
  incidents: (n) => `Incidents with reports outstanding: ${n}`,
  reportsOverdue: (n) => `Incidents past a report deadline: ${n}`,
  retention: (n) => `Records erased or destroyed by the retention run in the last 24 hours: ${n}`,
  correctiveActionsOverdue: (n) => `Corrective actions past their due day: ${n}`,
  correctiveActionsAwaiting: (n) => `Corrective actions awaiting verification of their effect: ${n}`,
  reviewActionsOverdue: (n) => `Management review actions past their due day: ${n}`,
  open: 'Open in Mamori',
  footer: (settings) => `Mamori sent this message automatically. You can turn the daily digest off at ${settings}.`,
  reportableSubject: (ref) => `[Mamori] Reportable incident: ${ref}`,
  reportableBody: (ref, preliminary, final) =>
    `An incident that must be reported was recorded: ${ref}\nPreliminary report to the PPC due: ${preliminary}\nFinal report due: ${final}`,
  deadlineSubject: (ref, kind, dueOn) => `[Mamori] ${ref}: the ${kind === 'PRELIMINARY' ? 'preliminary' : 'final'} report is due on ${dueOn}`,
  deadlineBody: (ref, kind, dueOn, daysLeft) =>
    `The ${kind === 'PRELIMINARY' ? 'preliminary' : 'final'} report of ${ref} to the Personal Information Protection Commission is due on ${dueOn} (${daysLeft} days left).`,
};

const WORDS: Record<MailLanguage, Words> = { ja: JA, en: EN };

export type DeadlineKind = 'PRELIMINARY' | 'FINAL';

/** Links into the admin UI (hash routes of react-admin). */
export class UiLinks {
  constructor(private readonly baseUrl: string) {}
  page = (route: string) => `${this.baseUrl}/#/${route}`;
  case = (id: number) => this.page(`Case/${id}/show`);
  incident = (id: number) => this.page(`Incident/${id}/show`);
  settings = () => this.page('reminders');
}

/** What the digest reports beyond the dashboard. */
export interface DigestExtras {
  /** RETENTION_PURGE entries of the last 24 hours. */
  retentionPurged: number;
}

/** The daily digest of one user, or null when nothing is theirs today (no empty mail). */
export function digestText(dashboard: Dashboard, extras: DigestExtras, language: MailLanguage, links: UiLinks): MailText | null {
  const w = WORDS[language];
  const sections: string[] = [];
  let items = 0;
  const caseList = (title: string, count: number, cases: CaseReminder[]) => {
    if (!count) return;
    items += count;
    const more = count > cases.length ? [`… (+${count - cases.length})`] : [];
    sections.push([`■ ${title}: ${count}`, ...cases.map((c) => `  - ${w.caseLine(c)}\n    ${links.case(c.id)}`), ...more].join('\n'));
  };
  const count = (line: (n: number) => string, n: number, route?: string) => {
    if (!n) return;
    items += n;
    sections.push(`■ ${line(n)}${route ? `\n    ${links.page(route)}` : ''}`);
  };
  // the internal auditor reads deadlines and supervision on the dashboard; its mail holds only what is its own to do
  const works = dashboard.role !== 'AUDITOR';
  if (dashboard.cases && works) {
    caseList(w.overdueCases, dashboard.cases.overdueCount, dashboard.cases.overdue);
    caseList(w.dueSoonCases, dashboard.cases.dueSoonCount, dashboard.cases.dueSoon);
  }
  if (dashboard.role === 'PRIVACY_MANAGER') {
    count(w.unassigned, dashboard.assignmentQueue ?? 0, 'assignment-queue');
    count(w.breakGlass, dashboard.pendingBreakGlassReviews ?? 0, 'break-glass');
    count(w.retention, extras.retentionPurged, 'AuditEntry');
  }
  if (dashboard.supervision && works) {
    count(w.agreements, dashboard.supervision.expiringAgreementCount, 'ConfidentialityAgreement');
    count(w.reviews, dashboard.supervision.overdueReviewCount, 'Subcontractor');
    count(w.handOvers, dashboard.supervision.pastEndEntrustmentCount, 'Entrustment');
  }
  if (dashboard.role === 'PRIVACY_MANAGER' && dashboard.incidents) {
    count(w.incidents, dashboard.incidents.reportPendingCount, 'Incident');
    count(w.reportsOverdue, dashboard.incidents.preliminaryOverdueCount + dashboard.incidents.finalOverdueCount);
  }
  if (dashboard.internalAudit) {
    count(w.correctiveActionsOverdue, dashboard.internalAudit.overdueCorrectiveActionCount, 'CorrectiveAction');
    // verifying is the auditor's work alone
    if (dashboard.role === 'AUDITOR') count(w.correctiveActionsAwaiting, dashboard.internalAudit.awaitingVerificationCount, 'CorrectiveAction');
  }
  // every overdue action for the manager, who follows them up; one's own for an owner (the auditor only reads them)
  if (dashboard.managementReview && works) count(w.reviewActionsOverdue, dashboard.managementReview.overdueActionCount, 'ManagementReviewAction');
  if (!items) return null;
  const body = [w.greeting, ...sections, `${w.open}: ${links.page('')}`, `--\n${w.footer(links.settings())}`].join('\n\n');
  return { subject: w.digestSubject(dashboard.today, items), body };
}

export function reportableText(reference: string, id: number, preliminaryDueOn: string, finalDueOn: string, language: MailLanguage, links: UiLinks): MailText {
  const w = WORDS[language];
  return { subject: w.reportableSubject(reference), body: `${w.reportableBody(reference, preliminaryDueOn, finalDueOn)}\n\n${w.open}: ${links.incident(id)}` };
}

export function deadlineText(reference: string, id: number, kind: DeadlineKind, dueOn: string, daysLeft: number, language: MailLanguage, links: UiLinks): MailText {
  const w = WORDS[language];
  return { subject: w.deadlineSubject(reference, kind, dueOn), body: `${w.deadlineBody(reference, kind, dueOn, daysLeft)}\n\n${w.open}: ${links.incident(id)}` };
}
