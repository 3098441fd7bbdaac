import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { staffRoles, templateKinds } from './constants';

/** Staff accounts: people, who sign in to the console and own API tokens. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Stored lower-cased, so sign-in does not depend on how it was typed. */
    email: text('email').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    /** scrypt, `scrypt$N$r$p$salt$hash`; null until the person sets one through their link. */
    passwordHash: text('password_hash'),
    /** Base32 TOTP secret; counts only once confirmed (totp_enabled_at). */
    totpSecret: text('totp_secret'),
    totpEnabledAt: text('totp_enabled_at'),
    /** The last TOTP step accepted: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: text('locked_until'),
    disabledAt: text('disabled_at'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex('users_email').on(t.email)],
);

/** Console sessions: the cookie carries a secret, only its hash is stored. */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** Per-session form token, compared on every form post. */
    csrfToken: text('csrf_token').notNull(),
    /** False between a right password and a right TOTP code. */
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('staff_sessions_user').on(t.userId)],
);

/** One-time links to set a password (new account, or reset by an admin). */
export const passwordLinks = sqliteTable('password_links', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** The texts a draft form starts from; admins edit them. */
export const noticeTemplates = sqliteTable('notice_templates', {
  kind: text('kind', { enum: templateKinds }).primaryKey(),
  name: text('name').notNull(),
  body: text('body').notNull(),
  bodySw: text('body_sw').notNull(),
  xText: text('x_text'),
  updatedBy: text('updated_by'),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export type UserRow = typeof users.$inferSelect;
export type StaffSessionRow = typeof staffSessions.$inferSelect;
export type NoticeTemplateRow = typeof noticeTemplates.$inferSelect;
