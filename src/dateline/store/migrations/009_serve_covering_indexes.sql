-- Covering indexes for `dateline serve`'s event lists (issue 15's load benchmark). A list page is
-- read in (event date, event row) order off one index, and the filters it does not drive by
-- (CAMEO prefix or QuadClass, confidence floor, negation) were checked on the events table
-- itself: one table row read per candidate, about a thousand for a CAMEO prefix. With those
-- columns in the index the candidates are checked inside it, and only the page's rows are read.
-- rowid is named after the date so the index order stays (date, row), the list's order.
-- The actors of a page's events are read from their index alone, without the table.

DROP INDEX events_date;
CREATE INDEX events_date ON events(event_date, rowid, cameo, confidence, negated);
DROP INDEX events_type_date;
CREATE INDEX events_type_date ON events(type, event_date, rowid, cameo, confidence, negated);
DROP INDEX event_actors_event;
CREATE INDEX event_actors_event ON event_actors(event_rowid, role, country, name, actor, sector, code);
