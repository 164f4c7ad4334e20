-- No query filters, joins or sorts on the JSON of executions and step attempts: PostgreSQL's statistics on those
-- columns are never read. Computing them was most of each analyze of the two tables (on a step table of 270,000
-- attempts, 400 ms of a core against 115 ms without them, bench/README.md, eighteenth session), and autovacuum
-- analyzes these tables again and again while they are written.
ALTER TABLE step_executions
    ALTER COLUMN input_data SET STATISTICS 0,
    ALTER COLUMN output_data SET STATISTICS 0;
ALTER TABLE workflow_executions
    ALTER COLUMN trigger_data SET STATISTICS 0,
    ALTER COLUMN execution_data SET STATISTICS 0;
