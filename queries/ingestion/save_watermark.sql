INSERT OR REPLACE INTO ingestion_watermarks (source, stream, watermark, updated_at)
VALUES ($source, $stream, $watermark, $saved_at);
