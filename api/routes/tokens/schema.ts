import { z } from '@hono/zod-openapi';
import { tokenRoles } from '../../../db/schema/constants';
import { listSchema } from '../../http/paging';

export const TokenIdParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p31zjtct2jer' }) });

export const CreateTokenSchema = z
  .object({
    name: z.string().trim().min(1, 'cannot be empty').max(100, 'at most 100 characters').openapi({ example: 'Comms desk: Wanjiru' }),
    role: z.enum(tokenRoles).openapi({
      description:
        'drafter: writes drafts; publisher: approves, publishes and edits components; admin: everything, including tokens and accounts; integration: reads appointment changes only. Never more than the owning account’s role.',
    }),
    user_id: z.string().min(1).optional().openapi({ description: 'The account the token acts for (four-eyes compares accounts). Default: your own.' }),
  })
  .openapi('CreateToken');

export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(tokenRoles),
    user_id: z.string().nullable().openapi({ description: 'The account the token acts for.' }),
    prefix: z.string().openapi({ description: 'Identifies the token without revealing it.' }),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .openapi('Token');

export const CreatedTokenSchema = TokenSchema.extend({
  token: z.string().openapi({ description: 'The secret. Shown only in this response; store it now.' }),
}).openapi('CreatedToken');

export const TokenListSchema = listSchema(TokenSchema, 'TokenList');
