/**
 * Bodies of the unit routes (src/server/routes/units.ts): creating a unit, an effective-dated change
 * (move, rename, change kind or type), and the restructuring of 2025 (merge, split). The import's
 * sheet *Đơn vị* is `createUnitBody` row by row.
 */
import { z } from 'zod';
import { ORG_TYPES, UNIT_KINDS } from '../domain/codes.js';
import { codeSchema, isoDate, nameSchema } from './common.js';

export const createUnitBody = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  kind: z.enum(UNIT_KINDS),
  orgType: z.enum(ORG_TYPES).nullable().optional(),
  parentCode: codeSchema.nullable().optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});

export const changeUnitBody = z.strictObject({
  from: isoDate,
  name: nameSchema.optional(),
  parentCode: codeSchema.nullable().optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  orgType: z.enum(ORG_TYPES).nullable().optional(),
});

/** A unit a merge or a split creates, from the restructuring's date (no validFrom of its own). */
export const newUnitBody = createUnitBody.omit({ validFrom: true, validTo: true });

/** What follows a merged unit: its collectives and positions continue under the target, or end. */
export const followSchema = z.enum(['follow', 'end']);

export const mergeUnitsBody = z
  .strictObject({
    on: isoDate,
    sources: z.array(codeSchema).min(1).max(200),
    into: codeSchema.optional(),
    newUnit: newUnitBody.optional(),
    collectives: followSchema.optional(),
    positions: followSchema.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => (b.into === undefined) !== (b.newUnit === undefined), { message: 'give exactly one of "into" (an existing unit) and "newUnit"', path: ['into'] });

export const splitPartBody = z.strictObject({
  into: codeSchema.optional(),
  newUnit: newUnitBody.optional(),
  children: z.array(codeSchema).max(5000).optional(),
  members: z.array(z.string().trim().min(1).max(32)).max(100_000).optional(),
  collectives: z.array(codeSchema).max(1000).optional(),
  positions: z.array(z.string().trim().min(1).max(64)).max(5000).optional(),
  rest: z.boolean().optional(),
});

export const splitUnitBody = z.strictObject({
  on: isoDate,
  parts: z.array(splitPartBody).min(1).max(100),
  keepSource: z.boolean().optional(),
  note: z.string().trim().max(2000).optional(),
});
