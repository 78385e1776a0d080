import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Reads one row by its primary key with a statement built once, hydrated by
 * TypeORM's own column conversion (types, transformers) into an entity,
 * exactly as `findOneBy({ id })` returns it. `findOneBy` builds and escapes its
 * whole query again on every call; for a table of many columns read on every
 * request that was a large part of the request's CPU.
 *
 * Only for plain tables: an entity with relations, embedded columns, load
 * listeners or subscribers is read by `findOneBy` itself.
 */
export class PrimaryKeyReader<T extends ObjectLiteral> {
  private plan: { sql: string; metadata: EntityMetadata } | null | undefined;

  constructor(private readonly target: EntityTarget<T>) {}

  async find(manager: EntityManager, id: number): Promise<T | null> {
    const plan = this.planFor(manager);
    if (!plan) return manager.findOneBy(this.target, { [this.primaryKeyOf(manager)]: id } as never);
    const rows: Array<Record<string, unknown>> = await manager.query(plan.sql, [id]);
    const row = rows[0];
    if (!row) return null;
    const entity = plan.metadata.create(manager.queryRunner, { fromDeserializer: true }) as T;
    const driver = manager.connection.driver;
    plan.metadata.columns.forEach((column, i) => {
      column.setEntityValue(entity, driver.prepareHydratedValue(row[`c${i}`], column));
    });
    return entity;
  }

  private primaryKeyOf(manager: EntityManager): string {
    return manager.connection.getMetadata(this.target).primaryColumns[0]!.propertyName;
  }

  private planFor(manager: EntityManager): { sql: string; metadata: EntityMetadata } | null {
    if (this.plan !== undefined) return this.plan;
    const metadata = manager.connection.getMetadata(this.target);
    const plain =
      metadata.primaryColumns.length === 1 &&
      metadata.relations.length === 0 &&
      metadata.embeddeds.length === 0 &&
      metadata.afterLoadListeners.length === 0 &&
      manager.connection.subscribers.length === 0 &&
      metadata.columns.every((c) => c.isSelect && !c.isVirtual && !c.isVirtualProperty);
    const q = (name: string) => manager.connection.driver.escape(name);
    this.plan = plain
      ? {
          metadata,
          sql: `SELECT ${metadata.columns.map((c, i) => `${q(c.databaseName)} AS ${q(`c${i}`)}`).join(', ')} FROM ${q(metadata.tableName)} WHERE ${q(metadata.primaryColumns[0]!.databaseName)} = ?`,
        }
      : null;
    return this.plan;
  }
}
