import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withCalendarSigningSecret } from '../../api/broadcast/messages/calendar-signing-secret';
import { createCalendarToken, readCalendarToken } from '../../api/broadcast/messages/calendar-token';
import { openDatabase } from '../../db/client';
import { createTestContext, type TestContext } from '../support/test-context';

describe('the calendar signing key', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('is generated once and shared by every process on the database', async () => {
    const server = await withCalendarSigningSecret(t.db, t.config);
    // A second connection stands in for `npm run worker` in another process.
    const other = await openDatabase({ url: t.databaseUrl });
    const worker = await withCalendarSigningSecret(other.db, t.config);
    other.close();

    expect(server.calendarSigningSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(worker.calendarSigningSecret).toBe(server.calendarSigningSecret);
    const token = createCalendarToken({ reference: 'NYH-A-1', moveId: 7 }, worker.calendarSigningSecret);
    expect(readCalendarToken(token, server.calendarSigningSecret)).toEqual({ reference: 'NYH-A-1', moveId: 7 });
  });

  it('uses CALENDAR_SIGNING_SECRET when it is set', async () => {
    const configured = { ...t.config, calendarSigningSecret: 'configured-secret' };
    expect((await withCalendarSigningSecret(t.db, configured)).calendarSigningSecret).toBe('configured-secret');
  });
});
