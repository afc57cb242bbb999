-- The primary-key columns of a table, from DuckDB's catalog.
SELECT unnest(constraint_column_names)
FROM duckdb_constraints()
WHERE table_name = $table AND constraint_type = 'PRIMARY KEY';
