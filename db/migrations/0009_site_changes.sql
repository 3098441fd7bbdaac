CREATE TABLE `site_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incident_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `site_changes_incident` ON `site_changes` (`incident_id`);