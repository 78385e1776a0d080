import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Database } from '../../db/data-source';
import type { DashboardService } from '../dashboard/dashboard.service';
import type { IncidentService } from '../incident/incident.service';
import { MailOutbox, smtpTransport } from './mail-outbox';
import { UiLinks } from './reminder-texts';
import { ReminderScheduler } from './reminder.scheduler';
import { ReminderService } from './reminder.service';

/** E-mail reminders: the settings always, the jobs only where SMTP_URL is set. */
export function createReminderServices(db: Database, clock: Clock, config: Config, dashboard: DashboardService, incidents: IncidentService) {
  const mail = config.mail;
  const outbox = new MailOutbox(db, clock, mail ? smtpTransport(mail.smtpUrl) : null, mail?.from ?? '');
  const links = new UiLinks(config.publicUrl ?? `http://${config.host}:${config.port}`);
  const reminders = new ReminderService(db, clock, dashboard, incidents, outbox, links);
  return {
    reminders,
    mailOutbox: outbox,
    reminderScheduler: mail ? new ReminderScheduler(db, reminders, outbox, clock, mail) : null,
  };
}
