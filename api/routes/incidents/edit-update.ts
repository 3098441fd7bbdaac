import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { editUpdate } from '../../incidents/edit-update';
import { updateContentFromJson, updateJson } from './json';
import { EditUpdateSchema, IncidentUpdateSchema, UpdateParamSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'patch',
  path: '/incidents/{id}/updates/{update_id}',
  tags: ['Updates'],
  summary: 'Edit a pending update',
  description:
    'Editing an approved update returns it to draft (it needs approval again). A published update answers 409: corrections are new updates.',
  request: { params: UpdateParamSchema, body: { required: true, content: { 'application/json': { schema: EditUpdateSchema } } } },
  responses: {
    200: { description: 'The edited draft.', content: { 'application/json': { schema: IncidentUpdateSchema } } },
    ...problemResponses(400, 404, 409),
  },
});

export function registerEditUpdate(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id, update_id: updateId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    const update = await editUpdate(
      db,
      id,
      updateId,
      updateContentFromJson(body),
      actionContext(c),
    );
    return c.json(updateJson(update), 200);
  });
}
