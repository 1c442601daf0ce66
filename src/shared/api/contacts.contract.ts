import { z } from 'zod';
import { contactRoles } from './enums';

export const contactSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(contactRoles)),
  isAdvocate: z.boolean(),
  traits: z.record(z.string(), z.unknown()),
  source: z.string(),
  externalId: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const contactCreateSchema = z
  .strictObject({
    firstName: optionalText(200),
    lastName: optionalText(200),
    email: z.email().nullable().optional(),
    title: optionalText(200),
    phone: optionalText(50),
    roles: z.array(z.enum(contactRoles)).max(contactRoles.length).optional(),
    isAdvocate: z.boolean().optional(),
    externalId: optionalText(200),
    source: z.string().trim().min(1).max(100).optional(),
    traits: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((value) => Boolean(value.firstName || value.lastName || value.email), {
    message: 'give at least one of firstName, lastName or email',
  });
export type ContactCreate = z.infer<typeof contactCreateSchema>;

export const contactUpdateSchema = z.strictObject({
  firstName: optionalText(200),
  lastName: optionalText(200),
  email: z.email().nullable().optional(),
  title: optionalText(200),
  phone: optionalText(50),
  roles: z.array(z.enum(contactRoles)).max(contactRoles.length).optional(),
  isAdvocate: z.boolean().optional(),
  traits: z.record(z.string(), z.unknown()).optional(),
});
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;
