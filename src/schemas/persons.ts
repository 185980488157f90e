/**
 * Bodies of the person routes (src/server/routes/persons.ts). The import's sheet *Đảng viên* is
 * `createPersonBody` with the membership's fields, *Sự kiện* is `eventBody` with the card number:
 * a field added here reaches the import's columns and checks without another change.
 */
import { z } from 'zod';
import { DISCIPLINE_LEVELS, PERSON_EVENT_KINDS } from '../domain/codes.js';
import { SEXES } from '../domain/model/people.js';
import { cardNumberSchema, codeSchema, fullNameSchema, isoDate } from './common.js';

export const createPersonBody = z.strictObject({
  cardNumber: cardNumberSchema,
  fullName: fullNameSchema,
  birthDate: isoDate.nullable().optional(),
  sex: z.enum(SEXES),
  admittedOn: isoDate,
  officialOn: isoDate.nullable().optional(),
  isCivilServant: z.boolean().optional(),
});

export const patchPersonBody = z.strictObject({
  fullName: fullNameSchema.optional(),
  birthDate: isoDate.nullable().optional(),
  sex: z.enum(SEXES).optional(),
  admittedOn: isoDate.optional(),
  officialOn: isoDate.nullable().optional(),
  isCivilServant: z.boolean().optional(),
});

export const membershipBody = z.strictObject({ unitCode: codeSchema, validFrom: isoDate, validTo: isoDate.nullable().optional() });
export const transferBody = z.strictObject({ toUnitCode: codeSchema, on: isoDate, validTo: isoDate.nullable().optional() });

export const eventBody = z.strictObject({
  kind: z.enum(PERSON_EVENT_KINDS),
  level: z.enum(DISCIPLINE_LEVELS).nullable().optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
  /** A discipline or violation: related to official duties (QĐ 366 Điều 11 k4). */
  dutyRelated: z.boolean().nullable().optional(),
  /** A discipline or violation: self-detected and remedied. */
  selfDetectedRemedied: z.boolean().nullable().optional(),
  /** The violation's year when earlier than the decision's (HD 43 4.3). */
  violationYear: z.number().int().nullable().optional(),
  /** The decision the event rests on: number and date. */
  documentNumber: z.string().trim().max(200).nullable().optional(),
  documentDate: isoDate.nullable().optional(),
});

export const searchPersonsQuery = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(200).optional() });
