import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { buildBareSchema } from '../graphql/schema';
import { permissionMatrix } from '../permissions/matrix';

/** Writes the committed, reviewed artefacts: the GraphQL schema and the permission matrix. */
async function main(): Promise<void> {
  const root = join(__dirname, '../../../../..');
  writeFileSync(join(root, 'server/schema.graphql'), `${printSchema(await buildBareSchema())}\n`);
  writeFileSync(join(root, 'docs/permissions.md'), `${permissionMatrix()}\n`);
}

void main();
