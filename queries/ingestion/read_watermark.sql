SELECT watermark FROM ingestion_watermarks WHERE source = $source AND stream = $stream;
