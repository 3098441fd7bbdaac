CREATE TABLE `delivery_messages` (
	`delivery_id` text PRIMARY KEY NOT NULL,
	`message` text NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
