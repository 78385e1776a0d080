import { IsIn, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { DATA_ITEM_FIELDS, DATA_ITEMS, PERSONAL_DATA_FIELDS, type DataItem as DataItemValue, type RequestedItemValue } from '@mamori/shared';
import { badInput } from '../../errors';
import { DataItem } from '../common/enums';
import type { DataSubject } from '../data-subject/data-subject.entity';

export const MAX_REQUESTED_ITEMS = 10;
const MAX_DESCRIPTION = 100;

@InputType({ description: 'A piece of personal data the request names; OTHER needs a description' })
export class RequestedItemInput {
  @Field(() => DataItem)
  @IsIn(DATA_ITEMS)
  item!: DataItemValue;

  @Field(() => String, { nullable: true, description: 'With OTHER only: what is asked for, handled by hand' })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION)
  description?: string | null;
}

@ObjectType({ description: 'A requested item, with whether the subject holds it (null without a subject, or for OTHER)' })
export class RequestedItem {
  @Field(() => DataItem)
  item!: DataItemValue;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the subject holds a value of this item (null without a subject, or for OTHER)' })
  held!: boolean | null;

  @Field(() => [String], { description: 'The subject’s fields of this item that hold a value: exactly what a disclosure shows (names only)' })
  heldFields!: string[];
}

/** The stored items: JSON text, as the other list columns. */
export const jsonItems = {
  to: (v: readonly RequestedItemValue[] | null | undefined) => JSON.stringify(v ?? []),
  from: (v: string | null) => (v ? (JSON.parse(v) as RequestedItemValue[]) : []),
};

/** The items as sent, checked: OTHER needs a description (others take none), no item twice; BAD_USER_INPUT naming `field`. */
export function checkRequestedItems(items: readonly RequestedItemInput[], field = 'requestedItems'): RequestedItemValue[] {
  if (items.length > MAX_REQUESTED_ITEMS) throw badInput(field, `At most ${MAX_REQUESTED_ITEMS} items can be requested`);
  const checked: RequestedItemValue[] = [];
  for (const sent of items) {
    if (!(DATA_ITEMS as readonly string[]).includes(sent.item)) throw badInput(field, `An item must be one of ${DATA_ITEMS.join(', ')}`);
    const description = sent.description?.normalize('NFKC').trim() || null;
    if (sent.item === 'OTHER' && !description) throw badInput(field, 'An OTHER item needs a description');
    if (sent.item !== 'OTHER' && description) throw badInput(field, `Only OTHER items take a description (${sent.item} has one)`);
    if (description && description.length > MAX_DESCRIPTION) throw badInput(field, `A description may be at most ${MAX_DESCRIPTION} characters`);
    const same = checked.find((i) => i.item === sent.item && (i.description ?? '').toLowerCase() === (description ?? '').toLowerCase());
    if (same) throw badInput(field, `${sent.item}${description ? ` (${description})` : ''} is requested twice`);
    checked.push({ item: sent.item, description });
  }
  return checked;
}

const SUBJECT_FIELDS = PERSONAL_DATA_FIELDS.DataSubject;
type SubjectField = (typeof SUBJECT_FIELDS)[number];

/** The fields of `item` the subject holds a value of (none once erased). */
export function heldFieldsOf(item: DataItemValue, subject: DataSubject): SubjectField[] {
  if (subject.erasedAt) return [];
  return DATA_ITEM_FIELDS[item].filter((f) => subject[f] !== null && subject[f] !== undefined && subject[f] !== '');
}

/** Every field the requested items cover (what an amendment may change, what a disclosure may show). */
export const fieldsOfItems = (items: readonly RequestedItemValue[]): SubjectField[] =>
  SUBJECT_FIELDS.filter((f) => items.some((i) => (DATA_ITEM_FIELDS[i.item] as readonly string[]).includes(f)));

/** The items with held / not held for `subject` (null when no subject is linked). */
export function withHolding(items: readonly RequestedItemValue[], subject: DataSubject | null): RequestedItem[] {
  return items.map((i) => {
    const fields = subject && i.item !== 'OTHER' ? heldFieldsOf(i.item, subject) : [];
    return { item: i.item, description: i.description, held: subject && i.item !== 'OTHER' ? fields.length > 0 : null, heldFields: fields };
  });
}
