//! `docs/events.md`, rendered from the event table (`stratum events-doc > docs/events.md`);
//! a test fails when the committed file drifts from the table.

use std::fmt::Write;

use super::{EventDomain, CATALOG};

/// The event catalog as Markdown: one table per domain.
pub fn markdown() -> String {
    let count = |domain| CATALOG.iter().filter(|d| d.domain == domain).count();
    let (billing, provisioning) = (count(EventDomain::Billing), count(EventDomain::Provisioning));
    let mut out = String::new();
    let _ = write!(
        out,
        "# Event types — {billing} billing, {provisioning} provisioning\n\n\
         <!-- Generated from the event table (api/src/messaging/event_type.rs) by\n     \
         `cargo run -q -- events-doc > docs/events.md`; edit the table, not this file. -->\n\n\
         Every event type Stratum raises, one row each, as `GET /api/v1/event-types` lists them.\n\
         `type` is the wire name; `payload` is the schema of the event's `data`, the snapshot of\n\
         its `object` after the change (a `…EventData` schema is a placeholder, an object whose\n\
         fields are typed when that object's API lands); `legacy` is the name in the Parallels\n\
         Business/Operations Automation event manager, where known. The OpenAPI document has one\n\
         `webhooks` entry per type, keyed by its wire name, with the body delivered on webhooks\n\
         (see [webhooks.md](webhooks.md)).\n"
    );
    for (domain, title, n) in
        [(EventDomain::Billing, "Billing", billing), (EventDomain::Provisioning, "Provisioning", provisioning)]
    {
        let _ = write!(
            out,
            "\n## {title} ({n})\n\n| # | type | object | payload | fires when | legacy |\n|---|---|---|---|---|---|\n"
        );
        for (i, d) in CATALOG.iter().filter(|d| d.domain == domain).enumerate() {
            let legacy = d.legacy_name.map(|l| format!(" {l} |")).unwrap_or_else(|| " |".into());
            let _ =
                writeln!(out, "| {} | {} | {} | {} | {} |{legacy}", i + 1, d.name, d.object, d.payload, d.description);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_doc_matches_the_table() {
        let committed =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/events.md")).unwrap_or_default();
        assert!(
            committed == super::markdown(),
            "docs/events.md differs from the event table; regenerate it with:\n    cargo run -q -- events-doc > docs/events.md"
        );
    }
}
