-- Custom SQL migration file, put your code below! --
-- Before from_environment existed, ADMIN_TOKEN was registered under this name; mark those rows so
-- the next new value of ADMIN_TOKEN replaces them.
UPDATE `api_tokens` SET `from_environment` = 1 WHERE `name` = 'ADMIN_TOKEN';
