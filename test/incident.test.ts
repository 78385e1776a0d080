import { databaseKinds } from './support/databases';
import { MANAGER, STAFF, SUPERVISOR, startServer, type GraphQLResponse, type TestServer } from './support/server';

const noonJst = (day: string) => `${day}T03:00:00.000Z`;
/** 10:00 on 1 June 2026 in Japan: the day of detection is 2026-06-01. */
const DETECTED_AT = '2026-06-01T01:00:00.000Z';

const INCIDENT_FIELDS = `id reference kind detectedAt detectedOn daysSinceDetection peopleAffected sensitiveData financialLossRisk wrongfulPurpose
  reportable reportPending preliminaryReportDueOn preliminaryReportFlagged preliminaryReportOverdue finalReportDueOn finalReportOverdue
  preliminaryReportedOn finalReportedOn individualsNotifiedOn individualsNotificationPending openMeasureCount`;

const CREATE = `mutation($kind: IncidentKind!, $at: DateTime!, $people: Int!, $sensitive: Boolean, $loss: Boolean, $wrongful: Boolean) {
  createIncident(kind: $kind, detectedAt: $at, description: "業務委託先での書類の誤廃棄", peopleAffected: $people,
    sensitiveData: $sensitive, financialLossRisk: $loss, wrongfulPurpose: $wrongful) { ${INCIDENT_FIELDS} } }`;

describe.each(databaseKinds())('incident register on %s', (kind) => {
  let s: TestServer;
  let manager: string;
  let staff: string;
  let supervisor: string;

  async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const res = await s.gql(query, variables, token);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }
  const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions;

  async function record(vars: Record<string, unknown>, token = staff) {
    return (await ok(CREATE, { kind: 'LEAK', at: DETECTED_AT, people: 10, ...vars }, token)).createIncident;
  }
  async function read(id: string, token = manager) {
    return (await ok(`query($id: ID!) { Incident(id: $id) { ${INCIDENT_FIELDS} } }`, { id }, token)).Incident;
  }
  async function idsWith(filter: Record<string, unknown>) {
    const data = await ok('query($f: IncidentFilter) { allIncidents(perPage: 1000, filter: $f) { id } }', { f: filter }, manager);
    return data.allIncidents.map((i: { id: string }) => i.id);
  }

  beforeAll(async () => {
    s = await startServer(kind);
    [manager, staff, supervisor] = await Promise.all([s.login(MANAGER), s.login(STAFF), s.login(SUPERVISOR)]);
  });
  afterAll(() => s?.close());
  beforeEach(() => s.clock.set(noonJst('2026-06-02')));

  test('staff record incidents, every role reads them, only the manager changes them', async () => {
    const incident = await record({ sensitive: true });
    expect(incident).toMatchObject({ kind: 'LEAK', detectedOn: '2026-06-01', daysSinceDetection: 1, reportable: true, reportPending: true });
    expect(incident.reference).toMatch(/^INC-2026-\d{4}$/);
    for (const token of [manager, staff, supervisor]) expect((await read(incident.id, token)).id).toBe(incident.id);
    const bySupervisor = await s.gql(CREATE, { kind: 'LOSS', at: DETECTED_AT, people: 1 }, supervisor);
    expect(errorOf(bySupervisor)?.code).toBe('FORBIDDEN');
    const byStaff = await s.gql('mutation($id: ID!) { updateIncident(id: $id, preliminaryReportedOn: "2026-06-02") { id } }', { id: incident.id }, staff);
    expect(errorOf(byStaff)?.code).toBe('FORBIDDEN');
    const measureByStaff = await s.gql('mutation($id: ID!) { createIncidentMeasure(incidentId: $id, description: "x") { id } }', { id: incident.id }, staff);
    expect(errorOf(measureByStaff)?.code).toBe('FORBIDDEN');
    const updated = await ok(
      `mutation($id: ID!) { updateIncident(id: $id, preliminaryReportedOn: "2026-06-02", individualsNotifiedOn: "2026-06-02") { ${INCIDENT_FIELDS} } }`,
      { id: incident.id },
      manager,
    );
    expect(updated.updateIncident).toMatchObject({ preliminaryReportedOn: '2026-06-02', individualsNotificationPending: false, reportPending: true });
  });

  test('reportable with more than 1,000 people: 1,000 is not, 1,001 is', async () => {
    expect(await record({ people: 1000 })).toMatchObject({ reportable: false, reportPending: false, preliminaryReportFlagged: false });
    expect(await record({ people: 1001 })).toMatchObject({ reportable: true, reportPending: true });
  });

  test('reportable with sensitive data, a risk of financial loss or a wrongful purpose, whatever the number of people', async () => {
    expect((await record({ people: 1 })).reportable).toBe(false);
    expect((await record({ people: 1, sensitive: true })).reportable).toBe(true);
    expect((await record({ people: 1, loss: true })).reportable).toBe(true);
    expect((await record({ people: 1, wrongful: true })).reportable).toBe(true);
    const notReportable = await record({ people: 1 });
    const reportable = await record({ people: 1, loss: true });
    const listed = await idsWith({ reportable: true });
    expect(listed).toContain(reportable.id);
    expect(listed).not.toContain(notReportable.id);
  });

  test('the preliminary report is flagged after 3 days and overdue after 5, until it is recorded', async () => {
    const incident = await record({ sensitive: true });
    expect(incident.preliminaryReportDueOn).toBe('2026-06-06');
    const at = async (day: string) => {
      s.clock.set(noonJst(day));
      const i = await read(incident.id);
      return [i.daysSinceDetection, i.preliminaryReportFlagged, i.preliminaryReportOverdue];
    };
    expect(await at('2026-06-04')).toEqual([3, false, false]);
    expect(await at('2026-06-05')).toEqual([4, true, false]);
    expect(await at('2026-06-06')).toEqual([5, true, false]);
    expect(await idsWith({ preliminaryReportOverdue: true })).not.toContain(incident.id);
    expect(await at('2026-06-07')).toEqual([6, true, true]);
    expect(await idsWith({ preliminaryReportOverdue: true })).toContain(incident.id);
    await ok('mutation($id: ID!) { updateIncident(id: $id, preliminaryReportedOn: "2026-06-07") { id } }', { id: incident.id }, manager);
    expect(await at('2026-06-07')).toEqual([6, false, false]);
  });

  test('the day of detection is the Japan-time day: detected at 23:30 UTC counts from the next day', async () => {
    const incident = await record({ at: '2026-05-31T23:30:00.000Z', sensitive: true });
    expect(incident).toMatchObject({ detectedOn: '2026-06-01', preliminaryReportDueOn: '2026-06-06', finalReportDueOn: '2026-07-01' });
  });

  test('the final report is due 30 days after detection: overdue from day 31', async () => {
    const incident = await record({ people: 5000 });
    expect(incident.finalReportDueOn).toBe('2026-07-01');
    s.clock.set(noonJst('2026-07-01'));
    expect((await read(incident.id)).finalReportOverdue).toBe(false);
    expect(await idsWith({ finalReportOverdue: true })).not.toContain(incident.id);
    s.clock.set(noonJst('2026-07-02'));
    expect((await read(incident.id)).finalReportOverdue).toBe(true);
    expect(await idsWith({ finalReportOverdue: true })).toContain(incident.id);
    await ok('mutation($id: ID!) { updateIncident(id: $id, finalReportedOn: "2026-07-02") { id } }', { id: incident.id }, manager);
    expect((await read(incident.id)).finalReportOverdue).toBe(false);
  });

  test('with a wrongful purpose the final report is due 60 days after detection', async () => {
    const incident = await record({ wrongful: true, kind: 'UNAUTHORIZED_ACCESS' });
    expect(incident.finalReportDueOn).toBe('2026-07-31');
    s.clock.set(noonJst('2026-07-31'));
    expect((await read(incident.id)).finalReportOverdue).toBe(false);
    s.clock.set(noonJst('2026-08-01'));
    expect((await read(incident.id)).finalReportOverdue).toBe(true);
  });

  test('a non-reportable incident carries no report deadline flags', async () => {
    const incident = await record({ people: 3 });
    s.clock.set(noonJst('2026-09-01'));
    expect(await read(incident.id)).toMatchObject({ preliminaryReportFlagged: false, preliminaryReportOverdue: false, finalReportOverdue: false, individualsNotificationPending: false });
  });

  test('measures are kept with their status; done records the day, overdue when not done past the due day', async () => {
    const incident = await record({ sensitive: true });
    const measure = (
      await ok(
        'mutation($id: ID!) { createIncidentMeasure(incidentId: $id, description: "委託先への再教育", dueOn: "2026-06-10") { id status dueOn doneOn overdue } }',
        { id: incident.id },
        manager,
      )
    ).createIncidentMeasure;
    expect(measure).toMatchObject({ status: 'PLANNED', doneOn: null, overdue: false });
    s.clock.set(noonJst('2026-06-10'));
    expect((await ok('query($id: ID!) { IncidentMeasure(id: $id) { overdue } }', { id: measure.id }, manager)).IncidentMeasure.overdue).toBe(false);
    s.clock.set(noonJst('2026-06-11'));
    expect((await ok('query($id: ID!) { IncidentMeasure(id: $id) { overdue } }', { id: measure.id }, supervisor)).IncidentMeasure.overdue).toBe(true);
    expect((await read(incident.id)).openMeasureCount).toBe(1);
    const done = await ok('mutation($id: ID!) { updateIncidentMeasure(id: $id, status: DONE) { status doneOn overdue } }', { id: measure.id }, manager);
    expect(done.updateIncidentMeasure).toEqual({ status: 'DONE', doneOn: '2026-06-11', overdue: false });
    const withMeasures = await ok('query($id: ID!) { Incident(id: $id) { openMeasureCount measures { id status } } }', { id: incident.id }, staff);
    expect(withMeasures.Incident).toEqual({ openMeasureCount: 0, measures: [{ id: measure.id, status: 'DONE' }] });
  });

  test('bad input is refused naming the field and changes nothing', async () => {
    const [before] = await s.sql('SELECT COUNT(*) AS n FROM incident');
    const future = await s.gql(CREATE, { kind: 'LEAK', at: '2026-06-03T00:00:00.000Z', people: 1 }, staff);
    expect(errorOf(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'detectedAt' });
    const negative = await s.gql(CREATE, { kind: 'LEAK', at: DETECTED_AT, people: -1 }, staff);
    expect(errorOf(negative)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'peopleAffected' });
    const badKind = await s.gql('mutation { createIncident(kind: THEFT, detectedAt: "2026-06-01T01:00:00Z", description: "x", peopleAffected: 1) { id } }', {}, staff);
    expect(errorOf(badKind)?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const [after] = await s.sql('SELECT COUNT(*) AS n FROM incident');
    expect(Number(after.n)).toBe(Number(before.n));
    const incident = await record({});
    const early = await s.gql('mutation($id: ID!) { updateIncident(id: $id, preliminaryReportedOn: "2026-05-31") { id } }', { id: incident.id }, manager);
    expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'preliminaryReportedOn' });
    const later = await s.gql('mutation($id: ID!) { updateIncident(id: $id, finalReportedOn: "2026-06-03") { id } }', { id: incident.id }, manager);
    expect(errorOf(later)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'finalReportedOn' });
    expect((await read(incident.id)).preliminaryReportedOn).toBeNull();
  });
});
