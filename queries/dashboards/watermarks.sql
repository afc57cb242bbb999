-- How far each source's streams have read, for the data-health page.
SELECT source AS Source, stream AS Stream, watermark AS Watermark, updated_at AS UpdatedAt
FROM ingestion_watermarks
ORDER BY source, stream;
