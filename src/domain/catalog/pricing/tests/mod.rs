mod behaviour;
mod props;
mod quote_table;
mod support;
mod validation;
