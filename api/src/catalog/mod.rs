pub mod brand;
pub mod coupon;
pub mod currency_code;
pub mod plan;
pub mod quote;
pub mod resource_type;
pub mod service_template;
