/** Queries of the import and export routes (src/server/routes/imports.ts). */
import { z } from 'zod';
import { codeSchema, emptyToUndefined } from './common.js';

/** `POST /api/imports?dryRun=1&name=FILE`: check only; the file's name when the body is the raw file. */
export const importQuery = z.object({
  dryRun: z.preprocess(emptyToUndefined, z.enum(['0', '1', 'true', 'false']).optional()),
  name: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
});

/** `GET /api/exports/workbook?unit=CODE`: the unit whose subtree to export (default: the user's scope). */
export const exportQuery = z.object({ unit: z.preprocess(emptyToUndefined, codeSchema.optional()) });

/** `GET /api/imports/:id`. */
export const importJobParams = z.object({ id: z.uuid() });
