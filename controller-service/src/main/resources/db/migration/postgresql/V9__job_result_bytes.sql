-- A result as UTF-8 bytes, stored uncompressed out of line: the driver hands a value over
-- whole, so a large result is read in pieces (SUBSTRING), and a piece of an uncompressed
-- bytea value is read on its own, where a piece of text (counted in characters) or of a
-- compressed value costs reading everything before it. Results stored before keep their
-- compression, still readable, until retention deletes them.
ALTER TABLE job_result
    ALTER COLUMN result_json TYPE BYTEA USING convert_to(result_json, 'UTF8'),
    ALTER COLUMN result_json SET STORAGE EXTERNAL;
