-- The rows of one table, named by a parameter rather than spliced into the text.
SELECT count(*) FROM query_table($table);
