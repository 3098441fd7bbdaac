import { z } from '@hono/zod-openapi';

export const ApplicantActionsSchema = z
  .object({
    incident_id: z.string(),
    applicants: z
      .object({
        opened_link: z.number().int().openapi({ description: 'Applicants who opened the "choose another date" link in their email.' }),
        looked_up: z.number().int().openapi({ description: 'Applicants who looked their appointment up by reference and email.' }),
        chose_date: z.number().int().openapi({ description: 'Applicants who chose another date.' }),
      })
      .openapi({ description: 'Each applicant counted once per kind, however often they came back.' }),
    chosen_days: z
      .array(z.object({ date: z.string(), choices: z.number().int() }))
      .openapi({ description: 'The days applicants chose, earliest first, with how many choices filled each.' }),
  })
  .openapi('ApplicantActions');
