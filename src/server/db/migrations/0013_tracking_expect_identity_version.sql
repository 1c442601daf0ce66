-- The tracked event writer's guard (tracked-event-writer.ts): a write that takes every user's account
-- and contact from its in-memory copy sends this before its COPY, in the same implicit transaction;
-- if a user's account or contact changed since the copy was read, the COPY is skipped (SQLSTATE
-- CY001) and the writer reads the users afresh and writes again.
CREATE FUNCTION "tracking_expect_identity_version"("expected" bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM tracking_identity_version WHERE version = expected) THEN
    RAISE EXCEPTION 'tracked users changed after identity version %', expected USING ERRCODE = 'CY001';
  END IF;
END
$$;
