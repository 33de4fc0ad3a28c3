ALTER TABLE orders DROP COLUMN workflow_id;
DROP INDEX workflows_one_active;
DROP INDEX workflows_account_path;
DROP TABLE workflows;
