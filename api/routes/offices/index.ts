import type { OpenApiRouter } from '../../http/openapi-app';
import { registerOfficeCalendar } from './calendar';
import { registerClearOfficeOverride } from './clear-override';
import { registerCreateOffice } from './create';
import { registerDeleteOffice } from './delete';
import { registerGetOffice } from './get';
import { registerListOffices } from './list';
import { registerSetOfficeOverride } from './set-override';
import { registerUpdateOffice } from './update';

/** Offices: weekly capacity per service, date overrides (closures, surge days) and the open-day calendar. */
export function registerOfficeRoutes(app: OpenApiRouter): void {
  registerListOffices(app);
  registerCreateOffice(app);
  registerGetOffice(app);
  registerUpdateOffice(app);
  registerDeleteOffice(app);
  registerSetOfficeOverride(app);
  registerClearOfficeOverride(app);
  registerOfficeCalendar(app);
}
