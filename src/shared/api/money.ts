import { z } from 'zod';

/** An amount in minor units (cents) of an ISO 4217 currency. */
export const moneySchema = z.object({ amountMinor: z.number().int(), currency: z.string().length(3) });
export type Money = z.infer<typeof moneySchema>;
