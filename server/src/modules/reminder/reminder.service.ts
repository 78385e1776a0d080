import type { MailLanguage } from '@mamori/shared';
import { daysBetween, japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput } from '../../errors';
import type { Caller } from '../common/caller';
import type { DashboardService } from '../dashboard/dashboard.service';
import { DUE_SOON_DAYS } from '../dashboard/dashboard.service';
import type { IncidentService } from '../incident/incident.service';
import * as incidentRules from '../incident/incident.rules';
import { User } from '../user/user.entity';
import type { MailOutbox } from './mail-outbox';
import { deadlineText, digestText, reportableText, type UiLinks } from './reminder-texts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReminderSettingsValue {
  digest: boolean;
  language: MailLanguage;
}

/**
 * What reminder mail says and to whom: a daily digest per user of what is
 * theirs (from their dashboard), and the privacy managers' alerts when an
 * incident becomes reportable and as each of its report deadlines approaches.
 * Messages go to the outbox under keys that name their occasion, so running a
 * job twice (or again after a crash) sends nothing twice.
 */
export class ReminderService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly dashboard: DashboardService,
    private readonly incidents: IncidentService,
    private readonly outbox: MailOutbox,
    private readonly links: UiLinks,
  ) {}

  /** Queues today's digest of every active user who has it on and has something due; returns how many were new. */
  async queueDigests(): Promise<number> {
    const now = this.clock.now();
    const day = japanDay(now);
    const users = await this.db.manager.findBy(User, { active: true, reminderDigest: true });
    const [row] = await this.db.manager.query("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'RETENTION_PURGE' AND occurred_at >= ?", [
      new Date(now.getTime() - DAY_MS).toISOString(),
    ]);
    const extras = { retentionPurged: Number(row.n) };
    let queued = 0;
    for (const user of users) {
      const text = digestText(await this.dashboard.forUser(user), extras, user.mailLanguage, this.links);
      if (text && (await this.outbox.enqueue(`digest:${user.id}:${day}`, 'DIGEST', user.id, text))) queued += 1;
    }
    return queued;
  }

  /** Queues, for every active privacy manager, the alerts of reportable incidents not yet sent; returns how many were new. */
  async queueIncidentAlerts(): Promise<number> {
    const today = japanDay(this.clock.now());
    const [pending, managers] = await Promise.all([this.incidents.reportsPending(), this.db.manager.findBy(User, { active: true, role: 'PRIVACY_MANAGER' })]);
    let queued = 0;
    const queue = async (key: string, kind: string, manager: User, text: Parameters<MailOutbox['enqueue']>[3]) => {
      if (await this.outbox.enqueue(`${key}:${manager.id}`, kind, manager.id, text)) queued += 1;
    };
    for (const incident of pending) {
      const preliminaryDueOn = incidentRules.preliminaryReportDueOn(incident);
      const finalDueOn = incidentRules.finalReportDueOn(incident);
      const deadlines = [
        { kind: 'PRELIMINARY' as const, dueOn: preliminaryDueOn, done: incident.preliminaryReportedOn !== null },
        { kind: 'FINAL' as const, dueOn: finalDueOn, done: incident.finalReportedOn !== null },
      ];
      for (const manager of managers) {
        const language = manager.mailLanguage;
        await queue(`incident-reportable:${incident.id}`, 'INCIDENT_REPORTABLE', manager, reportableText(incident.reference, incident.id, preliminaryDueOn, finalDueOn, language, this.links));
        for (const d of deadlines) {
          const daysLeft = daysBetween(today, d.dueOn);
          if (d.done || daysLeft < 0 || daysLeft > DUE_SOON_DAYS) continue;
          await queue(`incident-deadline:${incident.id}:${d.kind}`, 'INCIDENT_DEADLINE', manager, deadlineText(incident.reference, incident.id, d.kind, d.dueOn, daysLeft, language, this.links));
        }
      }
    }
    return queued;
  }

  async settingsOf(caller: Caller): Promise<ReminderSettingsValue> {
    const user = await this.db.manager.findOneByOrFail(User, { id: caller.user!.id });
    return { digest: user.reminderDigest, language: user.mailLanguage };
  }

  /** The caller's own switch and language; recorded in the audit trail like other account changes. */
  async updateSettings(caller: Caller, change: Partial<ReminderSettingsValue>): Promise<ReminderSettingsValue> {
    if (change.digest === undefined && change.language === undefined) throw badInput('digest', 'Give digest or language to change');
    const user = await this.db.manager.findOneByOrFail(User, { id: caller.user!.id });
    const fields = [...(change.digest === undefined ? [] : ['reminderDigest']), ...(change.language === undefined ? [] : ['mailLanguage'])];
    await this.db.manager.update(User, { id: user.id }, {
      ...(change.digest === undefined ? {} : { reminderDigest: change.digest }),
      ...(change.language === undefined ? {} : { mailLanguage: change.language }),
      updatedAt: this.clock.now().toISOString(),
    });
    caller.audit.record('UPDATE', { entityType: 'User', entityId: String(user.id), fields });
    return this.settingsOf(caller);
  }
}
