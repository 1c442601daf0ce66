import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountAssignmentChangeSchema,
  accountAssignmentsSchema,
  personListSchema,
  personSchema,
  personUpdateSchema,
  teamCreateSchema,
  teamListSchema,
  teamSchema,
  teamUpdateSchema,
} from '../../../shared/api/team.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { changeAccountAssignment, getAccountAssignments } from './account-assignment.service';
import { listPeople, updatePerson } from './people.service';
import { createTeam, deleteTeam, listTeams, updateTeam } from './team.service';

const teamParams = z.object({ id: z.uuid({ message: 'must be a team id (a UUID)' }) });
const personParams = z.object({ id: z.uuid({ message: 'must be a user id (a UUID)' }) });
const accountParams = z.object({ id: z.uuid({ message: 'must be an account id (a UUID)' }) });

/** Teams, our people (team, manager, responsibilities, tiers covered, capacity) and account ownership by role. */
export function teamRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/teams',
      {
        config: { permission: 'team.read' },
        schema: {
          tags: ['team'],
          summary: 'Teams, by name, with member counts',
          response: { 200: teamListSchema },
        },
      },
      async () => ({ items: await listTeams(db) }),
    );

    app.post(
      '/teams',
      {
        config: { permission: 'team.manage' },
        schema: {
          tags: ['team'],
          summary: 'Create a team',
          body: teamCreateSchema,
          response: { 201: teamSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await createTeam(db, request.body)),
    );

    app.put(
      '/teams/:id',
      {
        config: { permission: 'team.manage' },
        schema: {
          tags: ['team'],
          summary: 'Rename a team or change its kind',
          params: teamParams,
          body: teamUpdateSchema,
          response: { 200: teamSchema },
        },
      },
      async (request) => updateTeam(db, request.params.id, request.body),
    );

    app.delete(
      '/teams/:id',
      {
        config: { permission: 'team.manage' },
        schema: {
          tags: ['team'],
          summary: 'Delete a team (its people stay, without a team)',
          params: teamParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteTeam(db, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/people',
      {
        config: { permission: 'team.read' },
        schema: {
          tags: ['team'],
          summary:
            'Our people: team, role, manager, responsibilities, tiers covered, capacity, account counts',
          response: { 200: personListSchema },
        },
      },
      async () => ({ items: await listPeople(db) }),
    );

    app.patch(
      '/people/:id',
      {
        config: { permission: 'team.manage' },
        schema: {
          tags: ['team'],
          summary: "Change a person's team, manager, title, responsibilities, tiers covered or capacity",
          params: personParams,
          body: personUpdateSchema,
          response: { 200: personSchema },
        },
      },
      async (request) => updatePerson(db, request.params.id, request.body),
    );

    app.get(
      '/accounts/:id/assignments',
      {
        config: { permission: 'accounts.read' },
        schema: {
          tags: ['team'],
          summary: 'Who looks after an account: CSM, executive sponsor, onboarding lead, support lead',
          params: accountParams,
          response: { 200: accountAssignmentsSchema },
        },
      },
      async (request) => getAccountAssignments(db, request.params.id),
    );

    app.put(
      '/accounts/:id/assignments',
      {
        config: { permission: 'accounts.write' },
        schema: {
          tags: ['team'],
          summary: 'Give a role on an account to a person, or clear it (userId null)',
          params: accountParams,
          body: accountAssignmentChangeSchema,
          response: { 200: accountAssignmentsSchema },
        },
      },
      async (request) => changeAccountAssignment(db, requireActor(request), request.params.id, request.body),
    );
  };
}
