import { z } from '@hono/zod-openapi';
import { staffRoles } from '../../../db/schema/constants';
import { listSchema } from '../../http/paging';
import { passwordMaxLength, passwordMinLength } from '../../staff/password-rules';

export const CreateUserSchema = z
  .object({
    name: z.string().trim().min(1, 'cannot be empty').max(100, 'at most 100 characters').openapi({ example: 'Wanjiru Kamau' }),
    email: z.string().trim().min(3).max(320, 'at most 320 characters').openapi({ example: 'wanjiru.kamau@immigration.go.ke' }),
    role: z.enum(staffRoles).openapi({ description: 'drafter, publisher, admin, or integration (the booking system: reads appointment changes only).' }),
    password: z
      .string()
      .min(passwordMinLength, `at least ${passwordMinLength} characters`)
      .max(passwordMaxLength)
      .optional()
      .openapi({ description: 'Optional. Without it the answer carries a one-time `password_link` through which the person chooses their own.' }),
  })
  .openapi('CreateUser');

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(staffRoles),
    has_password: z.boolean(),
    two_factor: z.boolean().openapi({ description: 'Whether the account signs in with a TOTP code.' }),
    disabled_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('User');

export const CreatedUserSchema = UserSchema.extend({
  password_link: z.string().nullable().openapi({ description: 'One-time set-password link (valid 72 hours) when no password was given; shown only here.' }),
}).openapi('CreatedUser');

export const UserListSchema = listSchema(UserSchema, 'UserList');

export const UserIdParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p31zjtct2jer' }) });

export const EditUserSchema = z
  .object({
    role: z.enum(staffRoles).openapi({ description: 'A lower role revokes the account’s tokens above it.' }),
    disabled: z.boolean().openapi({ description: 'true: the account can no longer sign in, its sessions end and its tokens stop; false: enabled again.' }),
  })
  .partial()
  .openapi('EditUser');

export const PasswordLinkSchema = z
  .object({ password_link: z.string().openapi({ description: 'One-time set-password link (valid 72 hours); shown only here.' }) })
  .openapi('PasswordLink');
