import type { IntrospectionObjectType } from 'graphql';
import schema from 'virtual:mamori-schema';

export { schema };

const rootFields = (name: string | undefined): Set<string> => {
  const type = schema.types.find((t) => t.name === name) as IntrospectionObjectType | undefined;
  return new Set(type?.fields.map((f) => f.name) ?? []);
};
const operations = new Set([...rootFields(schema.queryType?.name), ...rootFields(schema.mutationType?.name)]);

/**
 * Whether the bundled schema has this query or mutation. Screens for
 * operations the server does not offer yet stay hidden instead of failing.
 */
export const hasOperation = (name: string): boolean => operations.has(name);

/** Whether the schema has a field on a type (e.g. a field added by a later server change). */
export const hasField = (typeName: string, field: string): boolean => {
  const type = schema.types.find((t) => t.name === typeName) as IntrospectionObjectType | undefined;
  return type?.fields?.some((f) => f.name === field) ?? false;
};
