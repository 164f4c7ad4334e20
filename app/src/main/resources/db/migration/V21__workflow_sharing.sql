-- Editors change their own workflows and the ones their authors share; admins change all.
ALTER TABLE workflows ADD COLUMN shared BOOLEAN NOT NULL DEFAULT false;
