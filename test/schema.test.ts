import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLObjectType, isObjectType, printSchema, type GraphQLSchema } from 'graphql';
import { PERSONAL_DATA_FIELDS } from '@mamori/shared';
import { buildBareSchema } from '../server/src/graphql/schema';
import { permissionRules } from '../server/src/permissions';
import { permissionMatrix } from '../server/src/permissions/matrix';

const rules = permissionRules as unknown as Record<string, Record<string, unknown> | unknown>;
const fieldRules = (type: string) => (rules[type] && typeof rules[type] === 'object' ? (rules[type] as Record<string, unknown>) : {});

describe('the schema and its permission map', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBareSchema();
  });

  test('every Query and Mutation field is named explicitly in the rule map', () => {
    for (const root of ['Query', 'Mutation'] as const) {
      const type = schema.getType(root) as GraphQLObjectType;
      const missing = Object.keys(type.getFields()).filter((f) => !(f in fieldRules(root)));
      expect({ root, missing }).toEqual({ root, missing: [] });
      const stale = Object.keys(fieldRules(root)).filter((f) => !(f in type.getFields()));
      expect({ root, stale }).toEqual({ root, stale: [] });
    }
  });

  test('every object type has an entry, so a new type is a deliberate decision', () => {
    const types = Object.values(schema.getTypeMap()).filter(
      (t) => isObjectType(t) && !t.name.startsWith('__') && t.name !== 'Query' && t.name !== 'Mutation',
    );
    expect(types.map((t) => t.name).filter((name) => !(name in rules))).toEqual([]);
  });

  test('every personal-data field of the shared list exists and is guarded by name', () => {
    for (const [typeName, fields] of Object.entries(PERSONAL_DATA_FIELDS)) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      expect(type).toBeDefined();
      for (const field of fields) {
        expect(`${typeName}.${field} in schema: ${field in type.getFields()}`).toBe(`${typeName}.${field} in schema: true`);
        expect(`${typeName}.${field} guarded: ${field in fieldRules(typeName)}`).toBe(`${typeName}.${field} guarded: true`);
      }
    }
  });

  test('the committed schema.graphql is up to date (npm run generate)', () => {
    const committed = readFileSync(join(__dirname, '../server/schema.graphql'), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  test('the committed permission matrix is generated from the map (npm run generate)', () => {
    const committed = readFileSync(join(__dirname, '../docs/permissions.md'), 'utf8');
    expect(committed).toBe(`${permissionMatrix()}\n`);
  });
});
