pub mod pricing;
pub mod rules;
