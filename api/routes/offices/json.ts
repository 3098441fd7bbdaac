import type { z } from '@hono/zod-openapi';
import type { OfficeView } from '../../offices/manage-offices';
import type { OfficeDay } from '../../offices/office-days';
import type { OfficeDaySchema, OfficeSchema } from './schema';

/** An office on the wire: weekly capacity per service (Monday first) and its date overrides. */
export function officeJson(office: OfficeView): z.infer<typeof OfficeSchema> {
  return {
    code: office.code,
    name: office.name,
    address: office.address,
    nearby_office: office.nearbyOffice,
    capacity: { application: office.capacity.application, collection: office.capacity.collection },
    overrides: office.overrides.map((override) => ({ date: override.date, service: override.service, capacity: override.capacity, note: override.note })),
  };
}

/** One day of an office's calendar on the wire (counts only, never names). */
export function officeDayJson(day: OfficeDay): z.infer<typeof OfficeDaySchema> {
  return {
    date: day.date,
    weekday: day.weekday,
    holiday: day.holiday,
    open: day.open,
    services: {
      application: { ...day.services.application },
      collection: { ...day.services.collection },
    },
  };
}
