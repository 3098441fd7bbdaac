import type { OpenApiRouter } from '../../http/openapi-app';
import { registerApproveUpdate } from './approve-update';
import { registerCreateIncident } from './create';
import { registerCreateUpdate } from './create-update';
import { registerDeleteIncident } from './delete';
import { registerEditUpdate } from './edit-update';
import { registerGetIncident } from './get';
import { registerListIncidents } from './list';
import { registerPublishIncident } from './publish';
import { registerUpdateIncident } from './update';

/** Incidents and their updates: draft → approve → publish. */
export function registerIncidentRoutes(app: OpenApiRouter): void {
  registerListIncidents(app);
  registerCreateIncident(app);
  registerGetIncident(app);
  registerUpdateIncident(app);
  registerDeleteIncident(app);
  registerCreateUpdate(app);
  registerEditUpdate(app);
  registerApproveUpdate(app);
  registerPublishIncident(app);
}
