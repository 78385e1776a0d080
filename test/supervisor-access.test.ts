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
import { WHO } from '../server/src/permissions/rules';
import { allow } from 'graphql-shield';
import { databaseKinds } from './support/databases';
import { MANAGER, SUPERVISOR, startServer, type TestServer } from './support/server';

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

describe('the supervisor walk (static)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBareSchema();
  });

  test('no operation a supervisor may call returns or reaches a type with personal data', () => {
    const reach = reachingTypes(schema);
    const offending: string[] = [];
    for (const root of ['Query', 'Mutation'] as const) {
      const rules = permissionRules[root] as Record<string, unknown>;
      const type = schema.getType(root) as GraphQLObjectType;
      for (const [name, field] of Object.entries(type.getFields())) {
        const rule = rules[name];
        const supervisorMay = rule === allow || (WHO.get(rule) ?? []).includes('SUPERVISOR');
        if (supervisorMay && reach.has(getNamedType(field.type).name) && name !== 'login') offending.push(`${root}.${name}`);
      }
    }
    expect(offending).toEqual([]);
  });

  test('the walk reaches every personal-data field of the shared list', () => {
    const reached = new Set(personalPaths(schema).map((p) => p.personal));
    const all = Object.entries(PERSONAL).flatMap(([t, fields]) => fields.map((f) => `${t}.${f}`));
    expect(all.filter((f) => !reached.has(f))).toEqual([]);
  });
});

describe.each(databaseKinds())('a supervisor is refused every personal-data path on %s', (kind) => {
  let s: TestServer;
  let schema: GraphQLSchema;
  let supervisor: string;
  const personalValues: string[] = [];

  beforeAll(async () => {
    schema = await buildBareSchema();
    s = await startServer(kind);
    const manager = await s.login(MANAGER);
    supervisor = await s.login(SUPERVISOR);
    // the values a leak would show, read as the manager
    const subjectFields = PERSONAL.DataSubject!.join(' ');
    const caseFields = PERSONAL.Case!.join(' ');
    const res = await s.gql(`{ allDataSubjects(perPage: 1000) { ${subjectFields} } allCases(perPage: 1000) { ${caseFields} } }`, {}, manager);
    for (const row of [...res.data!.allDataSubjects, ...res.data!.allCases]) {
      for (const v of Object.values(row as Record<string, unknown>)) if (typeof v === 'string' && v.length >= 3) personalValues.push(v);
    }
    expect(personalValues.length).toBeGreaterThan(10);
  });
  afterAll(() => s?.close());

  test('every query and mutation reaching a personal field, through every path, is FORBIDDEN and leaks nothing', async () => {
    const paths = personalPaths(schema);
    expect(paths.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const roots = new Set<string>();
    for (let i = 0; i < paths.length; i += 8) {
      await Promise.all(
        paths.slice(i, i + 8).map(async (p) => {
          roots.add(`${p.operation}.${p.root}`);
          const res = await s.gql(p.text, {}, supervisor);
          const codes = (res.errors ?? []).map((e) => e.extensions.code);
          if (!codes.includes('FORBIDDEN')) failures.push(`${p.text} → ${codes.join(',') || 'no error'}`);
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

  test('what a supervisor may read holds no personal value', async () => {
    const res = await s.gql(
      `{ dashboard { role supervision { notAllowedSubcontractorIds } incidents { reportPendingIds } }
         allSubcontractors(perPage: 1000) { id name contact } allEntrustments(perPage: 1000) { id dataItems note }
         allIncidents(perPage: 1000) { id description } me { id role } }`,
      {},
      supervisor,
    );
    expect(res.errors).toBeUndefined();
    expect(personalValues.filter((v) => res.body.includes(v))).toEqual([]);
  });
});
