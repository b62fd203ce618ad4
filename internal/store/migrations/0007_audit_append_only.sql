-- The audit log is append-only in the database itself: UPDATE and DELETE on
-- audit_log are refused for every client, not only for Weerbaar's code.
-- (Someone who can drop these triggers can still tamper; the hash chain and
-- `weerbaar audit verify` find that.) audit_head stays writable: it is the
-- chain's tip, moved by every write, and verify checks it against the rows.

-- dialect: sqlite
-- statement begin
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
-- statement end
-- statement begin
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
-- statement end

-- dialect: postgres
-- statement begin
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- statement end
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
