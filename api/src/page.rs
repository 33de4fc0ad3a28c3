//! One page of a list: `{"data": [...], "next_cursor": "..." | null}`.

/// Declares the page type of a list operation. A concrete type per list (rather than a
/// generic `Page<T>`) gives each its own named schema, which the SOAP contract reuses.
#[macro_export]
macro_rules! page_type {
    ($page:ident, $item:ty, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub struct $page {
            /// The objects of this page, oldest first.
            pub data: Vec<$item>,
            /// Pass as `cursor` to fetch the next page; `null` on the last page.
            pub next_cursor: Option<String>,
        }
    };
}
