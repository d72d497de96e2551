"""The embedded corpus store: SQLite tables, migrations, writes and the queries every shell calls."""
