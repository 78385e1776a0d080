-- Accounts for a production-like MySQL: migrations run as `mamori_migrate`
-- (DDL, triggers); the server runs as `mamori_app`, which may only INSERT and
-- SELECT on the audit tables. Passwords come from docker-compose's environment
-- in a real deployment; these are the compose file's local values.
CREATE DATABASE IF NOT EXISTS mamori CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'mamori_migrate'@'%' IDENTIFIED BY 'change-me-migrate';
CREATE USER IF NOT EXISTS 'mamori_app'@'%' IDENTIFIED BY 'change-me-app';
GRANT ALL PRIVILEGES ON mamori.* TO 'mamori_migrate'@'%' WITH GRANT OPTION;
-- It looks up the runtime account's host when granting.
GRANT SELECT ON mysql.user TO 'mamori_migrate'@'%';
-- Triggers are created by the migration account; with binary logging on, MySQL needs this too.
SET GLOBAL log_bin_trust_function_creators = 1;
FLUSH PRIVILEGES;
