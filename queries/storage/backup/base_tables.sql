-- The user tables of the database, the ones a backup carries.
SELECT table_name
FROM duckdb_tables()
WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal AND NOT temporary
ORDER BY table_name;
