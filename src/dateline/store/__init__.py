"""The store: SQLite file, migrations, and the savers of quotes, events and stories."""
