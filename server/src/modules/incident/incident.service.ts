import { In, type EntityManager } from 'typeorm';
import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, notFound } from '../../errors';
import { auditedChange } from '../audit/audited-change';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { PerRequest } from '../subcontractor/request-batch';
import type { SubcontractorService } from '../subcontractor/subcontractor.service';
import { IncidentMeasure } from './incident-measure.entity';
import { Incident } from './incident.entity';
import type {
  CreateIncidentArgs,
  CreateIncidentMeasureArgs,
  IncidentFilter,
  IncidentListArgs,
  IncidentMeasureFilter,
  IncidentMeasureListArgs,
  UpdateIncidentArgs,
  UpdateIncidentMeasureArgs,
} from './incident.inputs';
import * as rules from './incident.rules';

const SORTABLE = {
  id: 'i.id',
  reference: 'i.reference',
  kind: 'i.kind',
  detectedAt: 'i.detected_at',
  peopleAffected: 'i.people_affected',
  updatedAt: 'i.updated_at',
};
const FIELDS = [
  'kind', 'detectedAt', 'description', 'peopleAffected', 'sensitiveData', 'financialLossRisk', 'wrongfulPurpose', 'subcontractorId',
  'preliminaryReportedOn', 'finalReportedOn', 'individualsNotifiedOn',
] as const;
const REPORT_DAYS = { preliminaryReportedOn: 'preliminary report made', finalReportedOn: 'final report made', individualsNotifiedOn: 'individuals notified' } as const;
const MEASURE_FIELDS = ['description', 'status', 'dueOn'] as const;
const MEASURE_SORTABLE = { id: 'm.id', incidentId: 'm.incident_id', status: 'm.status', dueOn: 'm.due_on', doneOn: 'm.done_on' };

const REPORTABLE_SQL = `(i.sensitive_data = :yes OR i.financial_loss_risk = :yes OR i.wrongful_purpose = :yes OR i.people_affected > ${rules.REPORTABLE_ABOVE_PEOPLE})`;

/** What a change of the report days records: the reports made, the individuals notified. */
function reportReason(days: Array<keyof typeof REPORT_DAYS>): string | null {
  return days.length ? days.map((d) => REPORT_DAYS[d]).join('; ') : null;
}

/** The incident register and the measures taken; entries are corrected, never deleted, and every change is audited. */
export class IncidentService {
  private readonly measuresOf = new PerRequest<number, IncidentMeasure[]>((ids) => this.loadMeasures(ids));

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly subcontractors: SubcontractorService,
    private readonly writer: AuditWriter,
  ) {}

  today(): string {
    return japanDay(this.clock.now());
  }

  async find(id: string | number): Promise<Incident> {
    const i = await this.db.manager.findOneBy(Incident, { id: toId(id) });
    if (!i) throw notFound('Incident', id);
    return i;
  }

  /** Reportable incidents with a report still to be made, oldest first: the reminder list. */
  reportsPending(): Promise<Incident[]> {
    return this.db.manager
      .createQueryBuilder(Incident, 'i')
      .where(REPORTABLE_SQL, { yes: true })
      .andWhere('(i.preliminary_reported_on IS NULL OR i.final_reported_on IS NULL)')
      .orderBy('i.detected_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getMany();
  }

  private async query(filter: IncidentFilter | undefined) {
    const qb = this.db.manager.createQueryBuilder(Incident, 'i');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('i.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.kind) qb.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter?.subcontractorId) qb.andWhere('i.subcontractor_id = :sid', { sid: toId(filter.subcontractorId, 'filter.subcontractorId') });
    if (filter?.reportable === true) qb.andWhere(REPORTABLE_SQL, { yes: true });
    if (filter?.reportable === false) qb.andWhere(`NOT ${REPORTABLE_SQL}`, { yes: true });
    const pendingSql = `${REPORTABLE_SQL} AND (i.preliminary_reported_on IS NULL OR i.final_reported_on IS NULL)`;
    if (filter?.reportPending === true) qb.andWhere(pendingSql, { yes: true });
    if (filter?.reportPending === false) qb.andWhere(`NOT (${pendingSql})`, { yes: true });
    for (const flag of ['preliminaryReportOverdue', 'finalReportOverdue'] as const) {
      const wanted = filter?.[flag];
      if (wanted === undefined || wanted === null) continue;
      const today = this.today();
      const matching = (await this.reportsPending()).filter((i) => rules[flag](i, today)).map((i) => i.id);
      const param = `${flag}Ids`;
      qb.andWhere(wanted ? `i.id IN (:...${param})` : `i.id NOT IN (:...${param})`, { [param]: matching.length ? matching : [0] });
    }
    if (filter?.from) qb.andWhere('i.detected_at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('i.detected_at < :to', { to: filter.to });
    if (filter?.from && filter?.to && filter.from > filter.to) throw badInput('filter.to', 'The period ends before it starts');
    if (filter?.q) qb.andWhere("(LOWER(i.reference) LIKE :q ESCAPE '!' OR LOWER(i.description) LIKE :q ESCAPE '!')", { q: likePattern(filter.q.toLowerCase()) });
    return qb;
  }

  async list(args: IncidentListArgs): Promise<Incident[]> {
    return applyListArgs(await this.query(args.filter), { sortField: 'detectedAt', sortOrder: 'DESC', ...args }, SORTABLE).getMany();
  }

  async count(args: IncidentListArgs): Promise<number> {
    return (await this.query(args.filter)).getCount();
  }

  /** Detected in the past; each report or notification on or after the day of detection and not in the future. */
  private validate(i: Incident): void {
    if (i.detectedAt > this.clock.now().toISOString()) throw badInput('detectedAt', 'detectedAt cannot be in the future');
    const detected = rules.detectedOn(i);
    const today = this.today();
    for (const field of ['preliminaryReportedOn', 'finalReportedOn', 'individualsNotifiedOn'] as const) {
      const day = i[field];
      if (day && day < detected) throw badInput(field, `${field} cannot be before the incident was detected`);
      if (day && day > today) throw badInput(field, `${field} cannot be in the future`);
    }
    if (!i.description.trim()) throw badInput('description', 'description must not be blank');
  }

  private async subcontractorId(value: string | null | undefined): Promise<number | null> {
    if (!value) return null;
    return (await this.subcontractors.find(toId(value, 'subcontractorId'))).id;
  }

  async create(args: CreateIncidentArgs, caller: Caller): Promise<Incident> {
    const now = this.clock.now().toISOString();
    const incident = this.db.manager.create(Incident, {
      reference: '',
      kind: args.kind,
      detectedAt: args.detectedAt,
      description: args.description.trim(),
      peopleAffected: args.peopleAffected,
      sensitiveData: args.sensitiveData ?? false,
      financialLossRisk: args.financialLossRisk ?? false,
      wrongfulPurpose: args.wrongfulPurpose ?? false,
      subcontractorId: await this.subcontractorId(args.subcontractorId),
      preliminaryReportedOn: args.preliminaryReportedOn ?? null,
      finalReportedOn: args.finalReportedOn ?? null,
      individualsNotifiedOn: args.individualsNotifiedOn ?? null,
      recordedById: caller.user?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    this.validate(incident);
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const reference = await this.nextReference(manager, rules.detectedOn(incident).slice(0, 4));
      const saved = await manager.save(manager.create(Incident, { ...incident, reference }));
      const fields = FIELDS.filter((f) => f !== 'subcontractorId' || saved.subcontractorId !== null);
      const reported = reportReason((Object.keys(REPORT_DAYS) as Array<keyof typeof REPORT_DAYS>).filter((d) => saved[d]));
      return { saved, entry: ['CREATE', { entityType: 'Incident', entityId: saved.id, fields: [...fields, 'reference'], reason: reported }] };
    });
  }

  private async nextReference(manager: EntityManager, year: string): Promise<string> {
    const [row] = await manager.query('SELECT COUNT(*) AS n FROM incident WHERE reference LIKE ?', [`INC-${year}-%`]);
    return `INC-${year}-${String(Number(row.n) + 1).padStart(4, '0')}`;
  }

  async update(args: UpdateIncidentArgs, caller: Caller): Promise<Incident> {
    const i = await this.find(args.id);
    const before = { ...i };
    if (args.kind) i.kind = args.kind;
    if (args.detectedAt) i.detectedAt = args.detectedAt;
    if (args.description !== undefined && args.description !== null) i.description = args.description.trim();
    for (const flag of ['peopleAffected', 'sensitiveData', 'financialLossRisk', 'wrongfulPurpose'] as const) {
      const value = args[flag];
      if (value !== undefined && value !== null) Object.assign(i, { [flag]: value });
    }
    if (args.subcontractorId !== undefined) i.subcontractorId = await this.subcontractorId(args.subcontractorId);
    for (const day of ['preliminaryReportedOn', 'finalReportedOn', 'individualsNotifiedOn'] as const) {
      if (args[day] !== undefined) i[day] = args[day] ?? null;
    }
    this.validate(i);
    const fields = FIELDS.filter((f) => i[f] !== before[f]);
    if (!fields.length) return i;
    i.updatedAt = this.clock.now().toISOString();
    const reported = reportReason((Object.keys(REPORT_DAYS) as Array<keyof typeof REPORT_DAYS>).filter((d) => i[d] && !before[d]));
    return auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(i),
      entry: ['UPDATE', { entityType: 'Incident', entityId: i.id, fields, reason: reported }],
    }));
  }

  // --- measures

  private async loadMeasures(incidentIds: number[]): Promise<Map<number, IncidentMeasure[]>> {
    const result = new Map<number, IncidentMeasure[]>(incidentIds.map((id) => [id, []]));
    const measures = await this.db.manager.find(IncidentMeasure, { where: { incidentId: In(incidentIds) }, order: { id: 'ASC' } });
    for (const m of measures) result.get(m.incidentId)?.push(m);
    return result;
  }

  measures(incidentId: number, caller: Caller): Promise<IncidentMeasure[]> {
    return this.measuresOf.of(caller).load(incidentId);
  }

  async findMeasure(id: string | number): Promise<IncidentMeasure> {
    const m = await this.db.manager.findOneBy(IncidentMeasure, { id: toId(id) });
    if (!m) throw notFound('IncidentMeasure', id);
    return m;
  }

  /** Measures not done whose due day has passed. */
  overdueMeasures(): Promise<IncidentMeasure[]> {
    return this.measureQuery({ overdue: true }).orderBy('m.due_on', 'ASC').addOrderBy('m.id', 'ASC').getMany();
  }

  private measureQuery(filter: IncidentMeasureFilter | undefined) {
    const qb = this.db.manager.createQueryBuilder(IncidentMeasure, 'm');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('m.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.incidentId) qb.andWhere('m.incident_id = :iid', { iid: toId(filter.incidentId, 'filter.incidentId') });
    if (filter?.status) qb.andWhere('m.status = :status', { status: filter.status });
    const today = this.today();
    if (filter?.overdue === true) qb.andWhere("m.status <> 'DONE' AND m.due_on IS NOT NULL AND m.due_on < :today", { today });
    if (filter?.overdue === false) qb.andWhere("(m.status = 'DONE' OR m.due_on IS NULL OR m.due_on >= :today)", { today });
    if (filter?.q) qb.andWhere("LOWER(m.description) LIKE :q ESCAPE '!'", { q: likePattern(filter.q.toLowerCase()) });
    return qb;
  }

  listMeasures(args: IncidentMeasureListArgs): Promise<IncidentMeasure[]> {
    return applyListArgs(this.measureQuery(args.filter), args, MEASURE_SORTABLE).getMany();
  }

  countMeasures(args: IncidentMeasureListArgs): Promise<number> {
    return this.measureQuery(args.filter).getCount();
  }

  async createMeasure(args: CreateIncidentMeasureArgs, caller: Caller): Promise<IncidentMeasure> {
    const incident = await this.find(toId(args.incidentId, 'incidentId'));
    const description = args.description.trim();
    if (!description) throw badInput('description', 'description must not be blank');
    const status = args.status ?? 'PLANNED';
    const now = this.clock.now().toISOString();
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(
        manager.create(IncidentMeasure, {
          incidentId: incident.id,
          description,
          status,
          dueOn: args.dueOn ?? null,
          doneOn: status === 'DONE' ? this.today() : null,
          recordedById: caller.user?.id ?? null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return { saved, entry: ['CREATE', { entityType: 'IncidentMeasure', entityId: saved.id, fields: [...MEASURE_FIELDS], reason: `incident ${incident.id}, ${status}` }] };
    });
    this.measuresOf.of(caller).clear();
    return saved;
  }

  /** The day it was done is recorded when it becomes DONE, and cleared if it is reopened. */
  async updateMeasure(args: UpdateIncidentMeasureArgs, caller: Caller): Promise<IncidentMeasure> {
    const m = await this.findMeasure(args.id);
    const before = { ...m };
    if (args.incidentId && toId(args.incidentId, 'incidentId') !== m.incidentId) {
      throw badInput('incidentId', 'A measure cannot move to another incident');
    }
    if (args.description !== undefined && args.description !== null) {
      m.description = args.description.trim();
      if (!m.description) throw badInput('description', 'description must not be blank');
    }
    if (args.dueOn !== undefined) m.dueOn = args.dueOn ?? null;
    if (args.status && args.status !== m.status) {
      m.status = args.status;
      m.doneOn = args.status === 'DONE' ? this.today() : null;
    }
    const fields = MEASURE_FIELDS.filter((f) => m[f] !== before[f]);
    if (!fields.length) return m;
    m.updatedAt = this.clock.now().toISOString();
    const reason = fields.includes('status') ? `status ${before.status} → ${m.status}` : null;
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(m),
      entry: ['UPDATE', { entityType: 'IncidentMeasure', entityId: m.id, fields: m.doneOn !== before.doneOn ? [...fields, 'doneOn'] : fields, reason }],
    }));
    this.measuresOf.of(caller).clear();
    return saved;
  }
}
