CREATE TABLE `rate_limits` (
	`channel` text PRIMARY KEY NOT NULL,
	`reserved_at` text DEFAULT '[]' NOT NULL
);
