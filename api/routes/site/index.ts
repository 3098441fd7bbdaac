import type { OpenApiRouter } from '../../http/openapi-app';
import { registerGetSiteStatus } from './get-status';

/** The public site's build state, so staff see when a publish did not reach the page. */
export function registerSiteRoutes(app: OpenApiRouter): void {
  registerGetSiteStatus(app);
}
