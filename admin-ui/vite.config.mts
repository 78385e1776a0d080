import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const SCHEMA_FILE = fileURLToPath(new URL('../server/schema.graphql', import.meta.url));
const SCHEMA_MODULE = 'virtual:mamori-schema';

/**
 * The committed server/schema.graphql, turned into an introspection result at
 * build time, so the data provider never has to ask the server (production
 * turns introspection off).
 */
function bundledSchema(): Plugin {
  const resolved = `\0${SCHEMA_MODULE}`;
  return {
    name: 'mamori-bundled-schema',
    resolveId: (id) => (id === SCHEMA_MODULE ? resolved : null),
    load(id) {
      if (id !== resolved) return null;
      this.addWatchFile(SCHEMA_FILE);
      const { __schema } = introspectionFromSchema(buildSchema(readFileSync(SCHEMA_FILE, 'utf8')), { descriptions: false });
      return `export default ${JSON.stringify(__schema)};`;
    },
  };
}

const modules = (...names: string[]) => new RegExp(`[\\\\/]node_modules[\\\\/](${names.join('|')})[\\\\/]`);

/**
 * Libraries in chunks of their own, cached across releases of our screens.
 * The first two are what the sign-in page needs; the GraphQL client and the
 * charts load only after sign-in, with the pages that use them.
 */
const VENDOR_CHUNKS = [
  { name: 'vendor-react', test: modules('react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom', 'cookie', 'set-cookie-parser'), priority: 4 },
  { name: 'vendor-admin', test: modules('ra-core', 'lodash', '@tanstack', 'eventemitter3', 'react-hook-form', 'clsx', 'react-is', 'tslib', 'es-toolkit', 'tiny-invariant', 'use-sync-external-store', '@babel'), priority: 3 },
  { name: 'vendor-graphql', test: modules('@apollo', 'graphql', 'graphql-tag', 'ra-data-graphql', 'ra-data-graphql-simple', 'pluralize'), priority: 2 },
  { name: 'vendor-charts', test: modules('recharts'), priority: 1 },
];

export default defineConfig({
  plugins: [bundledSchema()],
  // Apollo Client reads this to drop its development-only checks and messages.
  define: { 'globalThis.__DEV__': 'false' },
  resolve: {
    alias: { '@mamori/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // MUI and react-admin ship "use client" directives that a client-only bundle ignores.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: { codeSplitting: { groups: VENDOR_CHUNKS } },
    },
  },
});
