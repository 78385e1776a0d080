import 'reflect-metadata';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { PERSONAL_DATA_FIELDS } from '@mamori/shared';
import { buildBareSchema } from '../server/src/graphql/schema';
import { permissionRules } from '../server/src/permissions';
import { canReadCaseData, WHO } from '../server/src/permissions/rules';
import { allow } from 'graphql-shield';
import { databaseKinds } from './support/databases';
import { AUDITOR, MANAGER, SUPERVISOR, startServer, type TestServer } from './support/server';

const PERSONAL = PERSONAL_DATA_FIELDS as Record<string, readonly string[]>;
const MAX_HOPS = 6;

/** A literal for an argument the walk must pass (any valid value: the refusal comes before the resolver). */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return '1';
      case 'Float':
        return '1.0';
      case 'Boolean':
        return 'true';
      case 'Date':
        return '"2026-06-01"';
      case 'DateTime':
        return '"2026-06-01T00:00:00.000Z"';
      case 'ID':
        return '"1"';
      default:
        return '"supervisor walk over every personal-data path"';
    }
  }
  throw new Error(`no literal for ${String(type)}`);
}

const argsOf = (args: readonly GraphQLArgument[]) => {
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  return required.length ? `(${required.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
};

interface Path {
  operation: 'query' | 'mutation';
  root: string;
  /** Field names from the root field down to the personal field. */
  fields: string[];
  personal: string; // Type.field
  text: string;
}

/** Object types from which a personal-data field can be reached. */
function reachingTypes(schema: GraphQLSchema): Set<string> {
  const reach = new Set(Object.keys(PERSONAL));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__') || reach.has(t.name)) continue;
      if (isUnionType(t) || isInterfaceType(t)) throw new Error(`the walk does not handle abstract type ${t.name}; extend it`);
      if (!isObjectType(t)) continue;
      if (Object.values(t.getFields()).some((f) => reach.has(getNamedType(f.type).name))) {
        reach.add(t.name);
        grew = true;
      }
    }
  }
  return reach;
}

/** Every path from the root operations to a personal field, without visiting a type twice on one path. */
function personalPaths(schema: GraphQLSchema): Path[] {
  const reach = reachingTypes(schema);
  const paths: Path[] = [];
  for (const operation of ['query', 'mutation'] as const) {
    const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(root.getFields())) {
      const walk = (type: GraphQLObjectType, trail: Array<GraphQLField<unknown, unknown>>, seen: Set<string>) => {
        if (trail.length > MAX_HOPS) return;
        for (const f of Object.values(type.getFields())) {
          const named = getNamedType(f.type);
          if (PERSONAL[type.name]?.includes(f.name)) {
            const chain = [...trail, f];
            const text = chain.reduceRight((inner, g) => `${g.name}${argsOf(g.args)}${inner ? ` { ${inner} }` : ''}`, '');
            paths.push({ operation, root: field.name, fields: chain.map((g) => g.name), personal: `${type.name}.${f.name}`, text: `${operation} { ${text} }` });
          } else if (isObjectType(named) && reach.has(named.name) && !seen.has(named.name)) {
            walk(named, [...trail, f], new Set([...seen, named.name]));
          }
        }
      };
      const named = getNamedType(field.type);
      if (isObjectType(named) && reach.has(named.name)) walk(named, [field], new Set([named.name]));
    }
  }
  return paths;
}

/** The value at `fields` in a response, through lists; true when any non-null value is found. */
function holdsValue(data: unknown, fields: string[]): boolean {
  if (data === null || data === undefined) return false;
  if (Array.isArray(data)) return data.some((item) => holdsValue(item, fields));
  if (fields.length === 0) return true;
  return holdsValue((data as Record<string, unknown>)[fields[0]!], fields.slice(1));
}

/** The operations a role may call whose result type leads to a personal-data field. */
function reachingOperations(schema: GraphQLSchema, role: string): string[] {
  const reach = reachingTypes(schema);
  const found: string[] = [];
  for (const root of ['Query', 'Mutation'] as const) {
    const rules = permissionRules[root] as Record<string, unknown>;
    const type = schema.getType(root) as GraphQLObjectType;
    for (const [name, field] of Object.entries(type.getFields())) {
      const rule = rules[name];
      const may = rule === allow || (WHO.get(rule) ?? []).includes(role);
      if (may && reach.has(getNamedType(field.type).name) && name !== 'login') found.push(`${root}.${name}`);
    }
  }
  return found;
}

describe('the supervisor and auditor walk (static)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBareSchema();
  });

  test('no operation a supervisor may call returns or reaches a type with personal data', () => {
    expect(reachingOperations(schema, 'SUPERVISOR')).toEqual([]);
  });

  test('the internal auditor reaches personal data only through the case reads, whose personal fields and scans refuse it', () => {
    expect(reachingOperations(schema, 'AUDITOR').sort()).toEqual(['Query.Case', 'Query.allCases']);
    const caseRules = permissionRules.Case as Record<string, unknown>;
    for (const field of [...PERSONAL.Case!, 'documents']) expect({ field, guarded: caseRules[field] === canReadCaseData }).toEqual({ field, guarded: true });
  });

  test('the walk reaches every personal-data field of the shared list', () => {
    const reached = new Set(personalPaths(schema).map((p) => p.personal));
    const all = Object.entries(PERSONAL).flatMap(([t, fields]) => fields.map((f) => `${t}.${f}`));
    expect(all.filter((f) => !reached.has(f))).toEqual([]);
  });
});

const WALKERS = [
  ['supervisor', 'SUPERVISOR', SUPERVISOR],
  ['internal auditor', 'AUDITOR', AUDITOR],
] as const;

describe.each(databaseKinds().flatMap((kind) => WALKERS.map(([who, role, email]) => [kind, who, role, email] as const)))('on %s, the %s', (kind, _who, role, email) => {
  let s: TestServer;
  let schema: GraphQLSchema;
  let token: string;
  const personalValues: string[] = [];
  let caseCount = 0;

  beforeAll(async () => {
    schema = await buildBareSchema();
    s = await startServer(kind);
    const manager = await s.login(MANAGER);
    token = await s.login(email);
    // the values a leak would show, read as the manager
    const subjectFields = PERSONAL.DataSubject!.join(' ');
    const caseFields = PERSONAL.Case!.join(' ');
    const res = await s.gql(`{ allDataSubjects(perPage: 1000) { ${subjectFields} } allCases(perPage: 1000) { ${caseFields} } }`, {}, manager);
    for (const row of [...res.data!.allDataSubjects, ...res.data!.allCases]) {
      for (const v of Object.values(row as Record<string, unknown>)) if (typeof v === 'string' && v.length >= 3) personalValues.push(v);
    }
    expect(personalValues.length).toBeGreaterThan(10);
    caseCount = res.data!.allCases.length;
  });
  afterAll(() => s?.close());

  test('is refused every query and mutation reaching a personal field, through every path, and nothing leaks', async () => {
    const paths = personalPaths(schema);
    expect(paths.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const roots = new Set<string>();
    for (let i = 0; i < paths.length; i += 8) {
      await Promise.all(
        paths.slice(i, i + 8).map(async (p) => {
          roots.add(`${p.operation}.${p.root}`);
          const requestId = `walk-${role}-${paths.indexOf(p)}`;
          const res = await s.gql(p.text, {}, token, { 'x-request-id': requestId });
          const codes = (res.errors ?? []).map((e) => e.extensions.code);
          if (!codes.includes('FORBIDDEN')) failures.push(`${p.text} → ${codes.join(',') || 'no error'}`);
          const denials = await s.sql("SELECT id FROM audit_entry WHERE request_id = ? AND action = 'ACCESS_DENIED'", [requestId]);
          if (!denials.length) failures.push(`${p.text} → refused without an ACCESS_DENIED entry`);
          if (holdsValue(res.data, p.fields)) failures.push(`${p.text} → returned ${p.personal}`);
          const leaked = personalValues.find((v) => res.body.includes(v));
          if (leaked) failures.push(`${p.text} → response holds a personal value`);
        }),
      );
    }
    expect(failures).toEqual([]);
    // the walk went through the known doors at least
    expect([...roots]).toEqual(expect.arrayContaining(['query.DataSubject', 'query.allDataSubjects', 'query.Case', 'query.allCases', 'mutation.breakGlassRead']));
  });

  test('sees no personal value in what it may read', async () => {
    let cases = 0;
    for (const query of role === 'AUDITOR' ? AUDITOR_READS : SUPERVISOR_READS) {
      const res = await s.gql(query, {}, token);
      expect(res.errors).toBeUndefined();
      expect(personalValues.filter((v) => res.body.includes(v))).toEqual([]);
      cases += (res.data?.allCases as unknown[] | undefined)?.length ?? 0;
    }
    // the auditor really got every case, without its personal data
    if (role === 'AUDITOR') expect(cases).toBe(caseCount);
    expect(caseCount).toBeGreaterThan(0);
  });
});

const SUPERVISOR_READS = [
  `{ dashboard { role supervision { notAllowedSubcontractorIds } incidents { reportPendingIds } }
     allSubcontractors(perPage: 1000) { id name contact } allEntrustments(perPage: 1000) { id dataItems note }
     allIncidents(perPage: 1000) { id description } me { id role } }`,
];

/** What the auditor's screens ask for: every case's record without its personal fields, the whole trail, training, supervision. */
const AUDITOR_READS = [
  `{ dashboard { role cases { overdueCount overdue { id reference } byStatus { status count } } supervision { notAllowedSubcontractorIds } incidents { reportPendingIds } }
     me { id role department } Case(id: "1") { id reference status documentsDestroyOn timeline { at to } } }`,
  `{ allCases(perPage: 200) { id reference type status requester channel receivedOn dueOn daysLeft overdue subjectId assigneeId feeYen feeOwedYen
     requestedItems { item held } nonDisclosureReasons repliedOn completedOn outcomeFields timeline { id from to actorName at reasons } } }`,
  `{ allAuditEntries(perPage: 1000) { id seq action actorId actorRole entityType entityId subjectId caseId fields reason outcome changes hash } }`,
  `{ trainingStatus { userId displayName department complete } allTrainingCompletions(perPage: 500) { id userId result }
     allUsers(perPage: 500) { id displayName email role department } }`,
  `{ allSubcontractors(perPage: 500) { id name contact } allEntrustments(perPage: 500) { id dataItems note }
     allSupervisionReviews(perPage: 500) { id findings } allIncidents(perPage: 500) { id description } }`,
];
