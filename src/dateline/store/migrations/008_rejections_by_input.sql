-- Rejections keyed by the input they belong to (issue 17). `input_key` says which input: a whole
-- document's absolute path (a .txt or .html file, an archive member), else its source and id
-- ("/data/wire.jsonl#id", "https://site/feed.rss#guid"). A later success clears the row of its own
-- input only (the same key), and a fixed file — new bytes, new id, same path — clears its old one.
CREATE TABLE rejected_by_input (
    rowid INTEGER PRIMARY KEY,
    input_id TEXT NOT NULL,
    input_key TEXT NOT NULL UNIQUE,
    source_path TEXT,                      -- absolute for files; a URL for feeds and pages
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    payload TEXT,                          -- the input as read (JSON line or text), when we have it
    rejected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO rejected_by_input (rowid, input_id, input_key, source_path, code, message, payload, rejected_at)
SELECT rowid, input_id, coalesce(source_path, '') || '#' || input_id, source_path, code, message, payload, rejected_at
FROM rejected
WHERE rowid IN (SELECT max(rowid) FROM rejected GROUP BY coalesce(source_path, '') || '#' || input_id);
DROP TABLE rejected;
ALTER TABLE rejected_by_input RENAME TO rejected;
CREATE INDEX rejected_input_id ON rejected(input_id);
