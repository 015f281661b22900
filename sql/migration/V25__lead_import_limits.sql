-- Custom attributes are a JSON object of every extra column; TEXT held 64 KB, which a wide row of
-- Chinese text could outgrow. The importer caps the object well below what MEDIUMTEXT holds.
ALTER TABLE leads MODIFY attributes MEDIUMTEXT;
ALTER TABLE import_row_errors MODIFY raw_text MEDIUMTEXT;
-- Names such as windows-1252 or x-MacRoman are longer than 16 characters.
ALTER TABLE import_jobs MODIFY encoding VARCHAR(32);
-- Who runs an import and when it last showed it was alive: an import whose owner is gone (a process
-- killed mid-way) is resumed instead of being taken for one still running.
ALTER TABLE import_jobs ADD COLUMN owner_id VARCHAR(128);
ALTER TABLE import_jobs ADD COLUMN heartbeat_at DATETIME(3);
