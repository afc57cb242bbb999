-- The columns an appender writes, in table order, to convert each value to its column's exact type. Without a
-- catalog a temporary table shadows one of the database, as in DuckDB's search path.
SELECT database_name AS "Catalog", schema_name AS "Schema", column_name AS "Name", data_type AS "Type"
FROM duckdb_columns()
WHERE table_name = $table
  AND ($schema::VARCHAR IS NULL OR schema_name = $schema)
  AND ($catalog::VARCHAR IS NULL OR database_name = $catalog)
ORDER BY database_name <> 'temp', database_name <> current_database(), database_name, schema_name <> 'main', schema_name, column_index;
