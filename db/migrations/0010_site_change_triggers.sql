-- Custom SQL migration file, put your code below! --
-- Every change to an incident, its updates or its components notes the incident in site_changes
-- (db/schema/site-changes.ts), so a site build reads only the incidents changed since the last one.
-- The incident's earlier row goes first: one row per incident, and the new row gets a larger seq.
CREATE TRIGGER `site_changes_incident_insert` AFTER INSERT ON `incidents` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` = NEW.`id`;
  INSERT INTO `site_changes` (`incident_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `site_changes_incident_update` AFTER UPDATE ON `incidents` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` IN (OLD.`id`, NEW.`id`);
  INSERT INTO `site_changes` (`incident_id`) VALUES (OLD.`id`);
  INSERT INTO `site_changes` (`incident_id`) SELECT NEW.`id` WHERE NEW.`id` IS NOT OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `site_changes_incident_delete` AFTER DELETE ON `incidents` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` = OLD.`id`;
  INSERT INTO `site_changes` (`incident_id`) VALUES (OLD.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `site_changes_update_insert` AFTER INSERT ON `incident_updates` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` = NEW.`incident_id`;
  INSERT INTO `site_changes` (`incident_id`) VALUES (NEW.`incident_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `site_changes_update_update` AFTER UPDATE ON `incident_updates` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` IN (OLD.`incident_id`, NEW.`incident_id`);
  INSERT INTO `site_changes` (`incident_id`) VALUES (OLD.`incident_id`);
  INSERT INTO `site_changes` (`incident_id`) SELECT NEW.`incident_id` WHERE NEW.`incident_id` IS NOT OLD.`incident_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `site_changes_update_delete` AFTER DELETE ON `incident_updates` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` = OLD.`incident_id`;
  INSERT INTO `site_changes` (`incident_id`) VALUES (OLD.`incident_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `site_changes_component_insert` AFTER INSERT ON `incident_components` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` = NEW.`incident_id`;
  INSERT INTO `site_changes` (`incident_id`) VALUES (NEW.`incident_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `site_changes_component_update` AFTER UPDATE ON `incident_components` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` IN (OLD.`incident_id`, NEW.`incident_id`);
  INSERT INTO `site_changes` (`incident_id`) VALUES (OLD.`incident_id`);
  INSERT INTO `site_changes` (`incident_id`) SELECT NEW.`incident_id` WHERE NEW.`incident_id` IS NOT OLD.`incident_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `site_changes_component_delete` AFTER DELETE ON `incident_components` BEGIN
  DELETE FROM `site_changes` WHERE `incident_id` = OLD.`incident_id`;
  INSERT INTO `site_changes` (`incident_id`) VALUES (OLD.`incident_id`);
END;
