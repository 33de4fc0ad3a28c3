DROP TABLE subscriptions;
DROP TABLE fraud_rules;
DROP INDEX orders_customer_created;
ALTER TABLE orders DROP COLUMN fraud_reasons;
ALTER TABLE orders DROP COLUMN fraud_score;
ALTER TABLE orders DROP COLUMN steps;
ALTER TABLE orders DROP COLUMN current_step;
ALTER TABLE orders DROP COLUMN workflow;
ALTER TABLE orders DROP COLUMN ip_country;
