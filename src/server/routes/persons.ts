/** Persons, memberships and person events: parse → call → present. */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  addMembership,
  addPersonEvent,
  createPerson,
  getPersonByCard,
  listMembersAt,
  listMemberships,
  listPersonEvents,
  searchPersons,
  transferMember,
  updatePerson,
} from '../../db/queries/persons.js';
import { DISCIPLINE_LEVELS, PERSON_EVENT_KINDS } from '../../domain/codes.js';
import { SEXES } from '../../domain/model/people.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizePerson, authorizeRole, scopeUnitIds } from '../authorize.js';
import { parseBody, parseQuery } from '../validate.js';
import { codeSchema, isoDate, parseAsOf, todayInVietnam } from './units.js';

const cardNumber = z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/, { message: 'expected a party card number' });
const fullName = z.string().trim().min(1).max(200);

const createPersonBody = z.strictObject({
  cardNumber,
  fullName,
  birthDate: isoDate.nullable().optional(),
  sex: z.enum(SEXES),
  admittedOn: isoDate,
  officialOn: isoDate.nullable().optional(),
  isCivilServant: z.boolean().optional(),
});

const patchPersonBody = z.strictObject({
  fullName: fullName.optional(),
  birthDate: isoDate.nullable().optional(),
  sex: z.enum(SEXES).optional(),
  admittedOn: isoDate.optional(),
  officialOn: isoDate.nullable().optional(),
  isCivilServant: z.boolean().optional(),
});

const membershipBody = z.strictObject({ unitCode: codeSchema, validFrom: isoDate, validTo: isoDate.nullable().optional() });
const transferBody = z.strictObject({ toUnitCode: codeSchema, on: isoDate, validTo: isoDate.nullable().optional() });

const eventBody = z.strictObject({
  kind: z.enum(PERSON_EVENT_KINDS),
  level: z.enum(DISCIPLINE_LEVELS).nullable().optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  months: z.number().int().min(1).max(600).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});

const searchQuery = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(200).optional() });

/** Routes under /api: /persons…, and /units/:code/members. */
export function personRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/units/:code/members', async (c) => {
    const { date, includeSubtree } = parseAsOf(c);
    await authorize(c, { unitCode: c.req.param('code'), action: 'read', date });
    return c.json({ date, members: await listMembersAt(c.var.deps.db, c.req.param('code'), date, { includeSubtree }) });
  });
  r.get('/persons', async (c) => {
    const query = parseQuery(c, searchQuery);
    // Search only among people who have been in a cell of the user's scope.
    const withinUnitIds = await scopeUnitIds(c, todayInVietnam());
    return c.json({ persons: await searchPersons(c.var.deps.db, { ...query, withinUnitIds }) });
  });
  r.post('/persons', async (c) => {
    const body = await parseBody(c, createPersonBody);
    authorizeRole(c, 'write');
    return c.json({ person: await createPerson(c.var.deps.db, body) }, 201);
  });
  r.get('/persons/:card', async (c) => {
    const { db } = c.var.deps;
    const card = c.req.param('card');
    await authorizePerson(c, card, 'read');
    return c.json({ person: await getPersonByCard(db, card), memberships: await listMemberships(db, card) });
  });
  r.patch('/persons/:card', async (c) => {
    const body = await parseBody(c, patchPersonBody);
    await authorizePerson(c, c.req.param('card'), 'write');
    return c.json({ person: await updatePerson(c.var.deps.db, c.req.param('card'), body) });
  });
  r.post('/persons/:card/memberships', async (c) => {
    const body = await parseBody(c, membershipBody);
    await authorizePerson(c, c.req.param('card'), 'write');
    await authorize(c, { unitCode: body.unitCode, action: 'write', date: body.validFrom });
    return c.json({ membership: await addMembership(c.var.deps.db, { ...body, cardNumber: c.req.param('card') }) }, 201);
  });
  r.post('/persons/:card/transfer', async (c) => {
    const body = await parseBody(c, transferBody);
    // Both ends: the cell the member leaves (their latest) and the cell they join.
    await authorizePerson(c, c.req.param('card'), 'write');
    await authorize(c, { unitCode: body.toUnitCode, action: 'write', date: body.on });
    return c.json(await transferMember(c.var.deps.db, { ...body, cardNumber: c.req.param('card') }));
  });
  r.get('/persons/:card/events', async (c) => {
    await authorizePerson(c, c.req.param('card'), 'read');
    return c.json({ events: await listPersonEvents(c.var.deps.db, c.req.param('card')) });
  });
  r.post('/persons/:card/events', async (c) => {
    const body = await parseBody(c, eventBody);
    await authorizePerson(c, c.req.param('card'), 'write');
    return c.json({ event: await addPersonEvent(c.var.deps.db, { ...body, cardNumber: c.req.param('card') }) }, 201);
  });
  return r;
}
