import { z } from '@hono/zod-openapi';

/** One page size for every list of the staff API: 50 unless asked, at most 500. */
export const defaultPageSize = 50;
export const maxPageSize = 500;

export const PagingQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageSize)
    .default(defaultPageSize)
    .openapi({ param: { name: 'limit', in: 'query' }, description: `Items per page, 1 to ${maxPageSize} (default ${defaultPageSize}).` }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ param: { name: 'offset', in: 'query' }, description: 'Items to skip.' }),
});

export type Paging = z.infer<typeof PagingQuerySchema>;

/** The one list envelope: `{items, total, limit, offset}`; `total` counts every match, not the page. */
export function listSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
    .openapi(name);
}

/** Wraps one page; for a list that is never paged (a handful of rows), the page is everything. */
export function listJson<T>(items: T[], total: number, paging: Paging): { items: T[]; total: number; limit: number; offset: number } {
  return { items, total, limit: paging.limit, offset: paging.offset };
}
