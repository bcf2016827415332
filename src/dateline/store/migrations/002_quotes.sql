-- Quotes: one row per attribution of a stored article, full-text searchable (quotes_fts).
CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,                  -- position of the quote in the article's record
    text TEXT NOT NULL,                    -- the reported content
    start INTEGER NOT NULL,                -- char offsets into articles.text
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,                    -- direct | indirect | mixed
    cue TEXT,
    speaker_text TEXT,                     -- the mention as written ("he", "the diplomat")
    speaker_name TEXT,                     -- the resolved person or body
    speaker_code TEXT,                     -- the speaker actor's CAMEO-style code (RUSGOV)
    speaker_title TEXT,
    addressee TEXT,
    published TEXT,                        -- the article's publication date, copied for date filters
    UNIQUE (article_rowid, seq)
);
CREATE INDEX quotes_article ON quotes(article_rowid);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE INDEX quotes_published ON quotes(published);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_name, content='quotes', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
    VALUES ('delete', old.rowid, old.text, old.speaker_name);
END;
CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
    VALUES ('delete', old.rowid, old.text, old.speaker_name);
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
END;
