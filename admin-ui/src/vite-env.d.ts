/// <reference types="vite/client" />

declare module 'virtual:mamori-schema' {
  import type { IntrospectionSchema } from 'graphql';
  /** server/schema.graphql as an introspection result, built at build time (see vite.config.ts). */
  const schema: IntrospectionSchema;
  export default schema;
}
