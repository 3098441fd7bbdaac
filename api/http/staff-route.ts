import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { TokenRole } from '../../db/schema/index';
import { requireRole } from '../auth/require-role';
import { problemResponses } from './problem-schema';

export type StaffRouteOptions = Omit<RouteConfig, 'security' | 'middleware'> & {
  /** Who may call it; everyone else gets 403, and a missing or bad token 401. */
  roles: readonly TokenRole[];
};

const allStaff: readonly TokenRole[] = ['drafter', 'publisher', 'admin'];

function whoMayCall(roles: readonly TokenRole[]): string {
  if (allStaff.every((role) => roles.includes(role))) return 'Any staff role.';
  if (roles.length === 1) return `${roles[0][0].toUpperCase()}${roles[0].slice(1)} only.`;
  return `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}.`.replace(/^./, (first) => first.toUpperCase());
}

/**
 * What any body can be refused with before the route runs: unreadable (400) or over the body limit
 * (413); a JSON body also for another media type (415).
 */
function bodyRefusals(request: RouteConfig['request']) {
  const content = request?.body?.content;
  if (!content) return {};
  return 'application/json' in content ? problemResponses(400, 413, 415) : problemResponses(400, 413);
}

/**
 * A staff API operation: bearer security, the role check, the 401/403 answers and the roles in
 * the document (`x-roles`, which the contract tests read) are declared here once, so a route
 * file says only what it does and who may do it.
 */
export function staffRoute<const O extends StaffRouteOptions>(options: O) {
  const { roles, ...route } = options;
  return createRoute({
    ...route,
    description: [whoMayCall(roles), route.description].filter(Boolean).join(' '),
    security: [{ bearer: [] }],
    middleware: [requireRole({ roles })] as const,
    'x-roles': roles,
    // 429: the guard's answer once an address has failed to authenticate too often.
    responses: { ...problemResponses(401, 403, 429), ...bodyRefusals(route.request), ...route.responses },
  });
}
