pub mod proration;
