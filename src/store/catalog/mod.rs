pub mod brand;
pub mod coupon;
pub mod plan;
pub mod resource_type;
pub mod service_template;
pub mod spec;
