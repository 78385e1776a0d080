import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { PERSONAL_DATA_FIELDS } from '@mamori/shared';

/**
 * Operations discovered from the schema, so the matrix, walk and fuzz suites
 * cover a new resource without being edited: argument values are built from
 * the argument types, selections from the return types.
 */

export type RootKind = 'Query' | 'Mutation';
export const COLUMNS = ['PRIVACY_MANAGER', 'STAFF', 'SUPERVISOR', 'AUDITOR', 'anonymous'] as const;
export type Column = (typeof COLUMNS)[number];

const PERSONAL = PERSONAL_DATA_FIELDS as Record<string, readonly string[]>;

/** The committed SDL (kept equal to the built schema by test/schema.test.ts); readable synchronously while jest collects tests. */
export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../server/schema.graphql'), 'utf8'));
}

/** The committed role × operation matrix (docs/permissions.md): who may call each operation. */
export function committedMatrix(): Record<RootKind, Map<string, Set<Column>>> {
  const text = readFileSync(join(__dirname, '../../docs/permissions.md'), 'utf8');
  const result: Record<RootKind, Map<string, Set<Column>>> = { Query: new Map(), Mutation: new Map() };
  let section: RootKind | null = null;
  let header: string[] = [];
  for (const line of text.split('\n')) {
    const heading = /^## (Query|Mutation)\s*$/.exec(line);
    if (heading) {
      section = heading[1] as RootKind;
      header = [];
      continue;
    }
    if (!section || !line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0] === 'operation') {
      header = cells.slice(1);
      continue;
    }
    const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (!name) continue;
    const allowed = new Set<Column>();
    cells.slice(1).forEach((cell, i) => {
      if (cell === 'yes') allowed.add(header[i] as Column);
    });
    result[section].set(name, allowed);
  }
  return result;
}

export function rootFields(schema: GraphQLSchema, root: RootKind): Array<GraphQLField<unknown, unknown>> {
  const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return type ? Object.values(type.getFields()) : [];
}

/** A well-formed placeholder for an input type: ids that name nothing, short strings, enums' first value, required input fields. */
export function placeholder(type: GraphQLInputType, id = '987654321'): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, id);
  if (isListType(type)) return [placeholder(type.ofType, id)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, placeholder(f.type, id)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return true;
      case 'ID':
        return id;
      case 'Date':
        return '2026-06-01';
      case 'DateTime':
        return '2026-06-01T00:00:00.000Z';
      default:
        return 'placeholder';
    }
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

/** A selection that names no personal field: `id` when there is one, else the first plain leaf, else __typename. */
export function minimalSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields());
  const plain = (f: GraphQLField<unknown, unknown>) =>
    isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)) && !PERSONAL[named.name]?.includes(f.name);
  const pick = fields.find((f) => f.name === 'id' && plain(f)) ?? fields.find(plain);
  return `{ ${pick ? pick.name : '__typename'} }`;
}

export interface Operation {
  root: RootKind;
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One call of `field` with its required arguments passed as variables
 * (`values` may give some of them), selecting `selection` (by default a
 * minimal non-personal one).
 */
export function operationFor(
  root: RootKind,
  field: GraphQLField<unknown, unknown>,
  values: Record<string, unknown> = {},
  selection = minimalSelection(field),
  options: { optional?: boolean } = {},
): Operation {
  const args = field.args.filter((a) => a.name in values || (isNonNullType(a.type) && a.defaultValue === undefined) || options.optional);
  const variables: Record<string, unknown> = {};
  for (const a of args) variables[a.name] = a.name in values ? values[a.name] : placeholder(a.type);
  const defs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const keyword = root === 'Query' ? 'query' : 'mutation';
  return { root, name: field.name, query: `${keyword}${defs ? `(${defs})` : ''} { ${field.name}${call} ${selection} }`, variables };
}

/** Object types from which a personal-data field can be reached (the types of PERSONAL_DATA_FIELDS and every type leading to them). */
export function reachingTypes(schema: GraphQLSchema): Set<string> {
  const reach = new Set(Object.keys(PERSONAL));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__') || reach.has(t.name) || !isObjectType(t)) continue;
      if (Object.values(t.getFields()).some((f) => reach.has(getNamedType(f.type).name))) {
        reach.add(t.name);
        grew = true;
      }
    }
  }
  return reach;
}

export interface PersonalPath {
  root: RootKind;
  field: GraphQLField<unknown, unknown>;
  /** Field names below the root field, down to the object holding the personal fields. */
  trail: string[];
  /** The type holding the personal fields at the end of the trail. */
  holder: string;
  /** The selection below the root field: every personal field of the holder, with `id` at each level. */
  selection: string;
}

const MAX_HOPS = 5;

/**
 * Every way the schema offers to a personal-data field: each root field whose
 * type reaches a personal type, through each chain of object fields (a type at
 * most once per chain), lists and mutation results included.
 */
export function personalPaths(schema: GraphQLSchema): PersonalPath[] {
  const reach = reachingTypes(schema);
  const paths: PersonalPath[] = [];
  const hasId = (t: GraphQLObjectType) => 'id' in t.getFields();
  for (const root of ['Query', 'Mutation'] as const) {
    for (const field of rootFields(schema, root)) {
      // steps[i] = [parent type, field of it]; the holder is the type of the last step (or the root type)
      const walk = (type: GraphQLObjectType, steps: Array<[GraphQLObjectType, GraphQLField<unknown, unknown>]>, seen: Set<string>) => {
        if (PERSONAL[type.name]) {
          const inner = `{ id ${PERSONAL[type.name]!.join(' ')} }`;
          const selection = steps.reduceRight((acc, [parent, f]) => `{ ${hasId(parent) ? 'id ' : ''}${f.name}${argText(f)} ${acc} }`, inner);
          paths.push({ root, field, trail: steps.map(([, f]) => f.name), holder: type.name, selection });
        }
        if (steps.length >= MAX_HOPS) return;
        for (const f of Object.values(type.getFields())) {
          const named = getNamedType(f.type);
          if (isObjectType(named) && reach.has(named.name) && !seen.has(named.name)) walk(named, [...steps, [type, f]], new Set([...seen, named.name]));
        }
      };
      const named = getNamedType(field.type);
      if (isObjectType(named) && reach.has(named.name)) walk(named, [], new Set([named.name]));
    }
  }
  return paths;
}

/** Literal arguments for a nested field with required arguments (rare). */
function argText(field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  return required.length ? `(${required.map((a) => `${a.name}: ${printLiteral(placeholder(a.type), a.type)}`).join(', ')})` : '';
}

/**
 * A value printed as a GraphQL literal for `type` (strings JSON-escaped, enum
 * names bare when they look like names, input objects with bare keys).
 */
export function printLiteral(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => printLiteral(v, isListType(inner) ? inner.ofType : inner)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k))
      .map(([k, v]) => `${k}: ${printLiteral(v, fields[k]?.type ?? inner)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && isEnumType(inner) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) && !['true', 'false', 'null'].includes(value)) return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return '0';
  return JSON.stringify(value);
}
