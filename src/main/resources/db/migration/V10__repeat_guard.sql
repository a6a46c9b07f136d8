-- The repeat guard: how far around a campaign's send time masscast looks for one with the same (or nearly the same)
-- text or media to an overlapping audience. An ISO-8601 duration; NULL: the guard is off. Existing channels get the
-- default, seven days.
ALTER TABLE binding ADD COLUMN repeat_window TEXT DEFAULT 'P7D';
