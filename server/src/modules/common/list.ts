import { IsIn, IsInt, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../../errors';

export const MAX_PER_PAGE = 1000;
const DEFAULT_PER_PAGE = 25;

/** The list arguments of ra-data-graphql-simple: 0-based page, capped perPage, sort. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  page?: number;

  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage?: number;

  @Field({ nullable: true })
  @MaxLength(64)
  sortField?: string;

  @Field({ nullable: true })
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  sortOrder?: string;
}

/** What every list filter has: `ids` (react-admin's "get many") and `q` (its search box). */
@InputType()
export class ListFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true })
  @MaxLength(100)
  q?: string;
}

@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count!: number;
}

/**
 * Applies sorting and paging. `sortable` maps the GraphQL field names a list
 * may be sorted by to their columns; anything else is refused, never
 * interpolated into SQL.
 */
export function applyListArgs<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: ListArgs,
  sortable: Record<string, string>,
): SelectQueryBuilder<T> {
  const field = args.sortField ?? 'id';
  const column = sortable[field];
  if (!column) throw badInput('sortField', `Cannot sort by ${field.slice(0, 64)}; use one of ${Object.keys(sortable).join(', ')}`);
  const order = (args.sortOrder ?? 'ASC').toUpperCase() as 'ASC' | 'DESC';
  qb.orderBy(column, order);
  if (column !== `${qb.alias}.id`) qb.addOrderBy(`${qb.alias}.id`, order);
  const perPage = args.perPage ?? DEFAULT_PER_PAGE;
  return qb.skip((args.page ?? 0) * perPage).take(perPage);
}

/** Parses a GraphQL ID argument into a positive integer key, or refuses it naming the argument. */
export function toId(value: string | number, field = 'id'): number {
  const n = typeof value === 'number' ? value : /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647) throw badInput(field, `${field} must be a positive integer id`);
  return n;
}

export function toIds(values: ReadonlyArray<string | number> | undefined | null, field = 'ids'): number[] | undefined {
  if (!values) return undefined;
  if (values.length > MAX_PER_PAGE) throw badInput(field, `${field} may hold at most ${MAX_PER_PAGE} ids`);
  return values.map((v) => toId(v, field));
}

/** `%text%` for `LIKE :q ESCAPE '!'`, with the wildcards of the text taken literally (same on both databases). */
export function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
