/** Persons, memberships and person events: parse → call → present. */
import { Hono } from 'hono';
import {
  addMembership,
  createPerson,
  getPersonByCard,
  listMembersAt,
  listMemberships,
  listPersonEvents,
  searchPersons,
  transferMember,
  updatePerson,
} from '../../db/queries/persons.js';
import { createPersonBody, eventBody, membershipBody, patchPersonBody, searchPersonsQuery as searchQuery, transferBody } from '../../schemas/persons.js';
import { recordPersonEvent } from '../../services/person-events.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizePerson, authorizeRole, scopeUnitIds } from '../authorize.js';
import { parseBody, parseQuery } from '../validate.js';
import { actorOf } from './cycles.js';
import { parseAsOf, todayInVietnam } from './units.js';

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
    const { event } = await recordPersonEvent(c.var.deps.db, { event: { ...body, cardNumber: c.req.param('card') }, actor: actorOf(c) });
    return c.json({ event }, 201);
  });
  return r;
}
