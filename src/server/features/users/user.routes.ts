import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { listUsersWithTeams } from './user.repository';
import { presentUser, userSchema } from './user.presenter';
import { createUser, newUserSchema } from './user.service';

export function userRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        config: { permission: 'users.read' },
        schema: { tags: ['users'], summary: 'List our people', response: { 200: z.object({ items: z.array(userSchema) }) } },
      },
      async () => ({ items: (await listUsersWithTeams(database.db)).map(presentUser) }),
    );

    app.post(
      '/users',
      {
        config: { permission: 'users.manage' },
        schema: { tags: ['users'], summary: 'Add a user (admin)', body: newUserSchema, response: { 201: userSchema } },
      },
      async (request, reply) => {
        const user = await createUser(database.db, request.body);
        return reply.code(201).send(presentUser(user));
      },
    );
  };
}
