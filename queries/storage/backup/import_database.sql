-- Runs a backup's schema.sql and load.sql into the (new, empty) database.
-- IMPORT takes no parameters: {directory} is replaced by SqlStringLiteral.Quote(path), a checked and quoted literal.
IMPORT DATABASE {directory};
