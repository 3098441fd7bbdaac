import type { OpenApiRouter } from '../../http/openapi-app';
import { registerIncidentAffectedRoutes } from './affected/index';
import { registerIncidentApplicantActionRoutes } from './applicant-actions/index';
import { registerApproveUpdate } from './approve-update';
import { registerCreateIncident } from './create';
import { registerCreateUpdate } from './create-update';
import { registerDeleteIncident } from './delete';
import { registerIncidentDeliveryRoutes } from './deliveries/index';
import { registerEditUpdate } from './edit-update';
import { registerGetIncident } from './get';
import { registerListIncidents } from './list';
import { registerIncidentPreviewRoutes } from './preview/index';
import { registerPublishIncident } from './publish';
import { registerUpdateIncident } from './update';

/** Incidents and their updates (draft → approve → publish), and under /incidents/{id}: who it affects, what publishing would send, what was sent. */
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
  registerIncidentAffectedRoutes(app);
  registerIncidentPreviewRoutes(app);
  registerIncidentDeliveryRoutes(app);
  registerIncidentApplicantActionRoutes(app);
}
