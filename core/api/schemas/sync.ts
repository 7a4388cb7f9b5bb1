import { z } from 'zod';
import { instant } from './common';

// Node-free: the desktop's client (core/host/team-client) sends these, the catalog checks them.

/** The UUID a desktop made for itself when it joined a team. */
export const desktopId = z.uuid({ error: 'the desktop id, a UUID' });

/** The UUIDv7 made on the laptop for one offline operation (its time orders the queue). */
export const offlineOperationId = z.uuid({ version: 'v7', error: 'a UUIDv7' });

export const syncChangesInput = z.strictObject({
  desktopId,
  /** The cursor of the previous answer; null on the first sync. */
  cursor: z.string({ error: 'the cursor of the previous changes' }).max(2000).nullable().default(null),
});

export const syncLeaseInput = z.strictObject({ desktopId });

export const syncApplyInput = z.strictObject({
  desktopId,
  operations: z
    .array(
      z.strictObject({
        id: offlineOperationId,
        operation: z.string({ error: 'an operation name' }).max(100),
        input: z.unknown(),
        madeAt: instant,
      }),
    )
    .min(1, 'at least one operation')
    .max(100, 'at most 100 operations at once'),
});

export const syncStatusInput = z.strictObject({});

export const syncJoinTeamInput = z.strictObject({
  /** https://NAME:PORT/ of the team server. */
  server: z
    .string({ error: "the team server's address, such as https://books.example.jp:8443/" })
    .trim()
    .regex(/^https:\/\/[^\s/?#]+\/?$/, 'https://NAME:PORT/ of the team server'),
  /** The company's CA certificate (PEM), to pin: the server's certificate must chain to it. */
  ca: z
    .string()
    .trim()
    .max(20_000)
    .regex(/^(-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*)?$/, 'a PEM certificate')
    .optional(),
});
