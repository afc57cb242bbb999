SELECT version AS Version, name AS Name, checksum AS Checksum
FROM schema_migrations
ORDER BY version;
