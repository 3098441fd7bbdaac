-- Every API token now acts for a staff account, and four-eyes compares accounts. Tokens issued
-- before accounts existed each get an account of their own (no password: it signs in to the
-- console only after an admin issues a set-password link), and the notices they drafted,
-- approved and published are attributed to that account, so four-eyes still holds across the
-- upgrade.
INSERT INTO `users` (`id`, `name`, `email`, `role`, `created_at`, `updated_at`)
SELECT 'tok-' || `id`, `name` || ' (token)', 'token-' || `id` || '@hali.invalid', `role`, `created_at`, `created_at`
FROM `api_tokens` WHERE `user_id` IS NULL;
--> statement-breakpoint
UPDATE `api_tokens` SET `user_id` = 'tok-' || `id` WHERE `user_id` IS NULL;
--> statement-breakpoint
UPDATE `incident_updates` SET `drafted_by` = 'tok-' || `drafted_by` WHERE `drafted_by` IN (SELECT `id` FROM `api_tokens`);
--> statement-breakpoint
UPDATE `incident_updates` SET `approved_by` = 'tok-' || `approved_by` WHERE `approved_by` IN (SELECT `id` FROM `api_tokens`);
--> statement-breakpoint
UPDATE `incident_updates` SET `published_by` = 'tok-' || `published_by` WHERE `published_by` IN (SELECT `id` FROM `api_tokens`);
--> statement-breakpoint
UPDATE `incidents` SET `created_by` = 'tok-' || `created_by` WHERE `created_by` IN (SELECT `id` FROM `api_tokens`);
--> statement-breakpoint
UPDATE `appointment_moves` SET `moved_by` = 'tok-' || `moved_by` WHERE `moved_by` IN (SELECT `id` FROM `api_tokens`);
--> statement-breakpoint
UPDATE `audit_log` SET `user_id` = 'tok-' || `token_id` WHERE `user_id` IS NULL AND `token_id` IN (SELECT `id` FROM `api_tokens`);
