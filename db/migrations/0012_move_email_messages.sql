-- Custom SQL migration file, put your code below! --
-- Messages already stored in batched email rows move to the new table, so every rendered email is in one place.
INSERT INTO `delivery_messages` (`delivery_id`, `message`)
	SELECT `id`, `payload` FROM `deliveries`
	WHERE `channel` IN ('applicant_email', 'subscriber_email') AND `batch_id` IS NOT NULL
		AND json_extract(`payload`, '$.subject') IS NOT NULL AND json_extract(`payload`, '$.to') IS NOT NULL;
--> statement-breakpoint
UPDATE `deliveries` SET `payload` = NULL WHERE `id` IN (SELECT `delivery_id` FROM `delivery_messages`);
