/**
 * Bodies of the collective and position routes (src/server/routes/collectives.ts, positions.ts),
 * also the import's sheets *Tập thể* and *Chức vụ*, and the provisional row of *Thành viên tập thể*.
 */
import { z } from 'zod';
import { COLLECTIVE_KINDS, LEVELS, POSITION_GROUPS } from '../domain/codes.js';
import { codeSchema, isoDate, nameSchema } from './common.js';

export const createCollectiveBody = z.strictObject({
  code: codeSchema,
  unitCode: codeSchema,
  name: nameSchema,
  kind: z.enum(COLLECTIVE_KINDS),
  level: z.enum(LEVELS),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});

export const createPositionBody = z.strictObject({
  cardNumber: z.string().trim().min(1).max(32),
  unitCode: codeSchema,
  positionGroup: z.enum(POSITION_GROUPS),
  title: z.string().trim().min(1).max(300),
  decidingUnitCode: codeSchema.nullable().optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});

/**
 * One seat on a leadership collective: the position (its holder's card number, the unit and group
 * of the position) that sits on the collective over a period — the import's sheet *Thành viên tập
 * thể* (stored in collective_members, migration 0020).
 */
export const collectiveMemberRow = z.strictObject({
  collectiveCode: codeSchema,
  cardNumber: z.string().trim().min(1).max(32),
  unitCode: codeSchema.optional(),
  positionGroup: z.enum(POSITION_GROUPS).optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});

/** POST /api/collectives/:code/members: the position by id, or by its holder's card (and unit, group); the decision it rests on. */
export const collectiveMemberBody = z.strictObject({
  positionId: z.string().trim().min(1).optional(),
  cardNumber: z.string().trim().min(1).max(32).optional(),
  unitCode: codeSchema.optional(),
  positionGroup: z.enum(POSITION_GROUPS).optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  documentNumber: z.string().trim().max(200).nullable().optional(),
  documentDate: isoDate.nullable().optional(),
});
