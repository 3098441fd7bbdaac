import type { Hono } from 'hono';
import { buildAppointmentCalendar } from '../../broadcast/messages/appointment-calendar';
import type { AppEnv } from '../../http/app-env';
import { problemResponse } from '../../http/problem';

/**
 * GET /calendar/<token>.ics: public (the applicant never logs in), so the token itself is the
 * permission; an unknown or altered token is a plain 404 that reveals nothing.
 */
export function registerGetCalendar(app: Hono<AppEnv>): void {
  app.get('/calendar/:file{[A-Za-z0-9_-]+\\.ics}', async function getCalendar(c) {
    const token = c.req.param('file').slice(0, -'.ics'.length);
    const { db, config } = c.get('deps');
    const ics = await buildAppointmentCalendar(db, config, token);
    if (!ics) {
      return problemResponse(c, { title: 'Not Found', status: 404, detail: 'This calendar link is not valid. Use the link in your latest email.' });
    }
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="appointment.ics"',
      // Personal to one applicant: never kept by shared caches.
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    });
  });
}
