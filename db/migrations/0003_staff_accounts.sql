CREATE TABLE `notice_templates` (
	`kind` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`body` text NOT NULL,
	`body_sw` text NOT NULL,
	`x_text` text,
	`updated_by` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `password_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `staff_sessions_user` ON `staff_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`totp_secret` text,
	`totp_enabled_at` text,
	`totp_last_step` integer,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);--> statement-breakpoint
ALTER TABLE `component_groups` ADD `name_sw` text;--> statement-breakpoint
ALTER TABLE `components` ADD `name_sw` text;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `user_id` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `name_sw` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `postmortem_published_at` text;--> statement-breakpoint
ALTER TABLE `incident_updates` ADD `return_comment` text;--> statement-breakpoint
ALTER TABLE `incident_updates` ADD `returned_by` text;--> statement-breakpoint
ALTER TABLE `incident_updates` ADD `returned_at` text;