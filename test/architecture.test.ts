import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import madge from 'madge';

/**
 * The layering of server/src, as README's layout section states it: no import
 * circle anywhere (type-only imports count too), and the domain modules never
 * reach up into the transport (graphql/, http/, the shield's rule map) or the
 * wiring (services.ts, app.ts).
 */
const SRC = resolve(__dirname, '../server/src');
const TRANSPORT_AND_WIRING = [/^graphql\//, /^http\//, /^permissions\//, /^services\.ts$/, /^app\.ts$/, /^main\.ts$/];

describe('server/src layering', () => {
  let graph: Awaited<ReturnType<typeof madge>>;

  beforeAll(async () => {
    graph = await madge(SRC, { fileExtensions: ['ts'], tsConfig: join(SRC, '../tsconfig.json'), excludeRegExp: [/\.spec\.ts$/] });
  }, 60000);

  test('no import circle', () => {
    expect(graph.circular()).toEqual([]);
  });

  test("mysql2 is loaded as TypeORM loads it, never through 'mysql2/promise'", () => {
    // TypeORM wraps each query in PoolConnection.promise(), which requires mysql2's promise wrapper every time; once
    // 'mysql2/promise' has loaded that wrapper from another path, each of those requires resolves the file anew
    const promiseApi = Object.entries(graph.obj()).filter(([file]) => readFileSync(join(SRC, file), 'utf8').includes("from 'mysql2/promise'"));
    expect(promiseApi.map(([file]) => file)).toEqual([]);
  });

  test('domain modules import neither the transport nor the wiring', () => {
    const violations = Object.entries(graph.obj())
      .filter(([file]) => file.startsWith('modules/'))
      .flatMap(([file, imports]) => imports.filter((dep) => TRANSPORT_AND_WIRING.some((layer) => layer.test(dep))).map((dep) => `${file} → ${dep}`));
    expect(violations).toEqual([]);
  });
});
