//! The payloads of event types whose object has no API yet (invoices, payments,
//! provisioning, domains…): one schema per object kind, an object without declared fields. When an object's API lands, its rows in the event table
//! (`event_type.rs`) name its `…Out` instead and its placeholder here goes.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

macro_rules! placeholder_payloads {
    ($($name:ident: $object:literal;)*) => {$(
        #[doc = concat!("The snapshot of an event's ", $object, "; its fields are typed when the ", $object, " API lands.")]
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Map<String, Value>);

        impl utoipa::PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                ObjectBuilder::new()
                    .schema_type(Type::Object)
                    .description(Some(concat!(
                        "The ", $object, "'s snapshot after the change. Its fields are not part of the contract yet: ",
                        "they are typed when the ", $object, " API lands."
                    )))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
        }
    )*};
}

placeholder_payloads! {
    InvoiceEventData: "invoice";
    CreditNoteEventData: "credit note";
    PaymentEventData: "payment";
    RefundEventData: "refund";
    PaymentMethodEventData: "payment method";
    BillingRunEventData: "billing run";
    DomainEventData: "domain";
    ProvisioningPlanEventData: "provisioning plan";
    ProvisioningStepEventData: "provisioning step";
    ServiceEventData: "service";
    ServiceUserEventData: "service user";
    ServerEventData: "server";
    IpPoolEventData: "IP pool";
    IpAddressEventData: "IP address";
    DnsZoneEventData: "DNS zone";
    HostedDomainEventData: "hosted domain";
    GatewayEventData: "gateway";
    ApplicationEventData: "application";
}
