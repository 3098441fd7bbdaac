import { z } from 'zod';

/** A secret pasted with a space or line break around it would fail at the provider hours later; refuse it now. */
const credential = z
  .string()
  .refine((value) => value === value.trim(), 'has spaces or a line break around it; set the value without them')
  .optional();

/** Links, feeds and provider calls need an absolute web address; `status.example.go.ke` alone would parse as a path. */
const webAddress = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address, e.g. https://status.example.go.ke' });

const xCredentialNames = ['X_APP_KEY', 'X_APP_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_SECRET'] as const;

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: webAddress.optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql://, https:// or wss://')
    .default('file:./data/hali.db'),
  DATABASE_AUTH_TOKEN: credential,
  ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters so it cannot be guessed').optional(),
  SITE_DIR: z.string().min(1).default('./data/site'),
  SITE_DEPLOY_COMMAND: z.string().optional(),
  STATUS_PAGE_NAME: z.string().min(1).default('Immigration Services Status'),
  X_APP_KEY: credential,
  X_APP_SECRET: credential,
  X_ACCESS_TOKEN: credential,
  X_ACCESS_SECRET: credential,
  X_API_BASE_URL: webAddress.default('https://api.x.com'),
  X_POSTS_PER_15_MINUTES: z.coerce.number().int().positive().default(100),
  RESEND_API_KEY: credential,
  RESEND_BASE_URL: webAddress.default('https://api.resend.com'),
  RESEND_RPS: z.coerce.number().positive().default(2),
  EMAIL_FROM: z.string().min(3).default('Immigration Services <notices@immigration.go.ke>'),
  EMAIL_REPLY_TO: z.string().optional(),
  CALENDAR_SIGNING_SECRET: credential,
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  WORKER: z.enum(['on', 'off']).default('on'),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(64 * 1_048_576),
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z.enum(['on', 'off']).optional(),
  BOOKING_WEBHOOK_URL: webAddress.optional(),
  BOOKING_WEBHOOK_SECRET: z.string().min(24, 'must be at least 24 characters so signatures cannot be forged').optional(),
});

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: { url: string; authToken?: string };
  adminToken?: string;
  site: { dir: string; deployCommand?: string; name: string };
  x: {
    credentials?: { appKey: string; appSecret: string; accessToken: string; accessSecret: string };
    baseUrl: string;
    postsPer15Minutes: number;
  };
  resend: { apiKey?: string; baseUrl: string; requestsPerSecond: number };
  email: { from: string; replyTo?: string };
  calendarSigningSecret?: string;
  delivery: { maxAttempts: number };
  runWorker: boolean;
  /** Largest CSV upload to POST /api/v1/appointments/import; every other body is capped at 1 MB. */
  importMaxBytes: number;
  /** Webhook URLs on loopback or private addresses are refused (SSRF) unless this is on: tests and development use a local receiver. */
  webhooks: { allowPrivateAddresses: boolean };
  /** Where every appointment change is POSTed, signed (api/applicants/booking-webhook/); absent: the booking system polls the changes feed. */
  bookingWebhook?: { url: string; secret: string };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The variables that are set: an empty or blank value (`FOO=`, `FOO=" "`) is the same as unset, never a value. */
function setVariables(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''));
}

/** X posts need all four credentials; some without the others is a mistake, named by what is missing. */
function partialXCredentials(set: Record<string, string>): string[] {
  const missing = xCredentialNames.filter((name) => !(name in set));
  if (missing.length === 0 || missing.length === xCredentialNames.length) return [];
  return [`${missing.join(', ')}: missing; X needs all four of ${xCredentialNames.join(', ')} to post (or none to run X dry)`];
}

/** Reads and validates the environment once; everything else receives the parsed object. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const set = setVariables(env);
  const parsed = environmentSchema.safeParse(set);
  const problems = [...(parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? []), ...partialXCredentials(set)];
  if (('BOOKING_WEBHOOK_URL' in set) !== ('BOOKING_WEBHOOK_SECRET' in set)) problems.push('BOOKING_WEBHOOK_URL and BOOKING_WEBHOOK_SECRET: set both (the calls are signed with the secret) or neither');
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const xSet = xCredentialNames.every((name) => name in set);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    database: { url: e.DATABASE_URL, authToken: e.DATABASE_AUTH_TOKEN },
    adminToken: e.ADMIN_TOKEN,
    site: { dir: e.SITE_DIR, deployCommand: e.SITE_DEPLOY_COMMAND, name: e.STATUS_PAGE_NAME },
    x: {
      credentials:
        xSet
          ? { appKey: e.X_APP_KEY!, appSecret: e.X_APP_SECRET!, accessToken: e.X_ACCESS_TOKEN!, accessSecret: e.X_ACCESS_SECRET! }
          : undefined,
      baseUrl: e.X_API_BASE_URL.replace(/\/$/, ''),
      postsPer15Minutes: e.X_POSTS_PER_15_MINUTES,
    },
    resend: { apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL.replace(/\/$/, ''), requestsPerSecond: e.RESEND_RPS },
    email: { from: e.EMAIL_FROM, replyTo: e.EMAIL_REPLY_TO },
    // Absent: a key generated once and kept in the database (api/broadcast/messages/calendar-signing-secret.ts).
    calendarSigningSecret: e.CALENDAR_SIGNING_SECRET,
    delivery: { maxAttempts: e.DELIVERY_MAX_ATTEMPTS },
    runWorker: e.WORKER === 'on',
    importMaxBytes: e.IMPORT_MAX_BYTES,
    webhooks: { allowPrivateAddresses: (e.WEBHOOK_ALLOW_PRIVATE_ADDRESSES ?? (e.NODE_ENV === 'production' ? 'off' : 'on')) === 'on' },
    bookingWebhook: e.BOOKING_WEBHOOK_URL && e.BOOKING_WEBHOOK_SECRET ? { url: e.BOOKING_WEBHOOK_URL, secret: e.BOOKING_WEBHOOK_SECRET } : undefined,
  };
}
