-- Writes every table as Parquet plus schema.sql (tables, macros, views) and load.sql into a directory.
-- EXPORT takes no parameters: {directory} is replaced by SqlStringLiteral.Quote(path), a checked and quoted literal.
EXPORT DATABASE {directory} (FORMAT parquet);
