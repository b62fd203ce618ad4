-- Settings the platform keeps in the database, so several app servers agree.
CREATE TABLE settings (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
