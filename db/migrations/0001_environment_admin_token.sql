DROP INDEX `api_tokens_prefix_unique`;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `from_environment` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `api_tokens_prefix` ON `api_tokens` (`prefix`);