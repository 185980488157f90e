/**
 * The zod building blocks of the API's bodies, shared by the routes (which validate requests with
 * them), the importer (whose sheet columns and checks are derived from the same schemas) and the
 * OpenAPI document (generated from them): one definition of each field.
 */
import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD (2022-02-30 is refused, naming the field). */
export const isoDate = z.iso.date({ message: 'expected a real date YYYY-MM-DD' });

/** A unit, collective or cell code: letters, digits, dot, dash, underscore. */
export const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'expected letters, digits, ".", "-" or "_"' });

/** A party card number as the person routes take it. */
export const cardNumberSchema = z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/, { message: 'expected a party card number' });

/** A person's full name. */
export const fullNameSchema = z.string().trim().min(1).max(200);

/** A unit's or collective's name. */
export const nameSchema = z.string().trim().min(1).max(300);

/** An empty query value counts as absent. */
export const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
