-- A shorter default survey: questions can belong to an optional block that a wave switches on, and consecutive
-- questions can share a grid (one table: the grid's prompt as its legend, each question a row with a short label).
-- Existing questions belong to no block and no grid, and existing waves switch no block on, so they ask what they
-- asked before.
ALTER TABLE survey_questions ADD COLUMN block VARCHAR;
ALTER TABLE survey_questions ADD COLUMN grid VARCHAR;
ALTER TABLE survey_questions ADD COLUMN row_label VARCHAR;
ALTER TABLE survey_waves ADD COLUMN optional_blocks VARCHAR[];
