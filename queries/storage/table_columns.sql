-- The columns of a table in their order, from DuckDB's catalog.
SELECT column_name
FROM duckdb_columns()
WHERE table_name = $table AND schema_name = 'main'
ORDER BY column_index;
