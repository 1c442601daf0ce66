import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactCreateSchema, contactSchema, contactUpdateSchema } from '../../../shared/api/contacts.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { createContact, deleteContact, listContacts, updateContact } from './contact.service';

const accountParams = z.object({ id: z.uuid({ message: 'must be an account id (a UUID)' }) });
const contactParams = z.object({ id: z.uuid({ message: 'must be a contact id (a UUID)' }) });

export function contactRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/accounts/:id/contacts',
      {
        config: { permission: 'accounts.read' },
        schema: { tags: ['contacts'], summary: "An account's contacts", params: accountParams, response: { 200: z.object({ items: z.array(contactSchema) }) } },
      },
      async (request) => ({ items: await listContacts(db, request.params.id) }),
    );

    app.post(
      '/accounts/:id/contacts',
      {
        config: { permission: 'accounts.write' },
        schema: { tags: ['contacts'], summary: 'Add a contact to an account', params: accountParams, body: contactCreateSchema, response: { 201: contactSchema } },
      },
      async (request, reply) => reply.code(201).send(await createContact(db, requireActor(request), request.params.id, request.body)),
    );

    app.patch(
      '/contacts/:id',
      {
        config: { permission: 'accounts.write' },
        schema: { tags: ['contacts'], summary: 'Update a contact (traits are merged)', params: contactParams, body: contactUpdateSchema, response: { 200: contactSchema } },
      },
      async (request) => updateContact(db, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/contacts/:id',
      {
        config: { permission: 'accounts.write' },
        schema: { tags: ['contacts'], summary: 'Delete a contact', params: contactParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await deleteContact(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
