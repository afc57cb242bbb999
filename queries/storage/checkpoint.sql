-- Writes the write-ahead log into the database file. Run after schema changes: DuckDB 1.5 cannot replay a WAL
-- that holds CREATE MACRO statements ("GetDefaultDatabase with no default database set"), so a crash between a
-- migration and the next automatic checkpoint would leave a file that does not open.
CHECKPOINT;
