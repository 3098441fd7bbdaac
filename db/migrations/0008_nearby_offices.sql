ALTER TABLE `offices` ADD `nearby_office_code` text;--> statement-breakpoint
ALTER TABLE `appointment_moves` ADD `from_office` text;--> statement-breakpoint
ALTER TABLE `appointment_moves` ADD `to_office` text;--> statement-breakpoint
-- Until now a move never changed the office: the appointment's office is where it was and went.
UPDATE `appointment_moves` SET `from_office` = (SELECT `office_code` FROM `appointments` WHERE `appointments`.`reference` = `appointment_moves`.`reference`), `to_office` = (SELECT `office_code` FROM `appointments` WHERE `appointments`.`reference` = `appointment_moves`.`reference`);
