import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { settings } from '../../../db/schema/index';
import type { Config } from '../../config';

const settingKey = 'calendar_signing_secret';

/**
 * The key for applicants' "add to calendar" links. CALENDAR_SIGNING_SECRET wins; without it, a
 * key generated once and kept in the database, so links made by a separate `npm run worker`
 * open on the server and survive restarts.
 */
export async function withCalendarSigningSecret(db: Database, config: Config): Promise<Config> {
  if (config.calendarSigningSecret) return config;
  await db
    .insert(settings)
    .values({ key: settingKey, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, settingKey));
  return { ...config, calendarSigningSecret: row.value };
}
