CREATE TABLE `subscribers` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`language` text NOT NULL,
	`component_ids` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`confirmations_sent` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`confirmed_at` text,
	`unsubscribed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_email_unique` ON `subscribers` (`email`);--> statement-breakpoint
CREATE INDEX `subscribers_state` ON `subscribers` (`state`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`state` text NOT NULL,
	`source` text NOT NULL,
	`created_by` text,
	`component_ids` text,
	`challenge` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`disabled_reason` text,
	`last_delivered_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`confirmed_at` text,
	`disabled_at` text
);
--> statement-breakpoint
CREATE INDEX `webhooks_state` ON `webhooks` (`state`);