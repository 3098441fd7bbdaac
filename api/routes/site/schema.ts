import { z } from '@hono/zod-openapi';

export const SiteStatusSchema = z
  .object({
    building: z.boolean(),
    last_good_build: z.object({ at: z.string() }).nullable(),
    last_failure: z.object({ at: z.string(), error: z.string() }).nullable(),
    healthy: z.boolean().openapi({ description: 'False when the latest build failed: the public page shows the last good build.' }),
  })
  .openapi('SiteStatus');
