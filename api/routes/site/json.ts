import type { z } from '@hono/zod-openapi';
import type { SiteBuildStatus } from '../../dependencies';
import type { SiteStatusSchema } from './schema';

/** The builds' state on the wire; unhealthy when the latest build failed after the last good one. */
export function siteStatusJson(status: SiteBuildStatus): z.infer<typeof SiteStatusSchema> {
  const failedLast = status.lastFailure !== null && (status.lastGood === null || status.lastFailure.at > status.lastGood.at);
  return {
    building: status.building,
    last_good_build: status.lastGood && { at: status.lastGood.at },
    last_failure: status.lastFailure && { at: status.lastFailure.at, error: status.lastFailure.error },
    healthy: !failedLast,
  };
}
