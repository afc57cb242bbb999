-- Every connection works in UTC: timestamps are stored and handed out as UTC instants.
SET TimeZone = 'UTC';
