DROP TABLE coupons;
DROP TABLE plan_publications;
DROP TABLE brands;
DROP TABLE plan_grants;
DROP TABLE plans;
DROP TABLE service_templates;
DROP TABLE resource_types;
