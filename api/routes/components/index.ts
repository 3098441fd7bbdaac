import type { OpenApiRouter } from '../../http/openapi-app';
import { registerCreateComponent } from './create';
import { registerDeleteComponent } from './delete';
import { registerGetComponent } from './get';
import { registerCreateComponentGroup } from './group-create';
import { registerDeleteComponentGroup } from './group-delete';
import { registerGetComponentGroup } from './group-get';
import { registerListComponentGroups } from './group-list';
import { registerUpdateComponentGroup } from './group-update';
import { registerListComponents } from './list';
import { registerUpdateComponent } from './update';

/** Components (the public services on the page) and the groups that head them. */
export function registerComponentRoutes(app: OpenApiRouter): void {
  registerListComponents(app);
  registerCreateComponent(app);
  registerGetComponent(app);
  registerUpdateComponent(app);
  registerDeleteComponent(app);
  registerListComponentGroups(app);
  registerCreateComponentGroup(app);
  registerGetComponentGroup(app);
  registerUpdateComponentGroup(app);
  registerDeleteComponentGroup(app);
}
