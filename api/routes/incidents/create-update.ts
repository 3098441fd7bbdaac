import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { draftUpdate } from '../../incidents/draft-update';
import { updateContentFromJson, updateJson } from './json';
import { DraftUpdateSchema, IdParamSchema, IncidentUpdateSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'post',
  path: '/incidents/{id}/updates',
  tags: ['Updates'],
  summary: 'Draft the next update of an incident',
  description:
    'One pending (draft or approved) update per incident: while one waits, this answers 409; edit or publish that one. Published updates are never edited; corrections are new updates.',
  request: { params: IdParamSchema, body: { required: true, content: { 'application/json': { schema: DraftUpdateSchema } } } },
  responses: {
    201: { description: 'The draft.', content: { 'application/json': { schema: IncidentUpdateSchema } } },
    ...problemResponses(400, 404, 409),
  },
});

export function registerCreateUpdate(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    const update = await draftUpdate(
      db,
      id,
      updateContentFromJson(body),
      actionContext(c),
    );
    return c.json(updateJson(update), 201);
  });
}
