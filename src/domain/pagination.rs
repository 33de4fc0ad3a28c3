//! Page size and opaque cursors.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;

/// A validated page request: at most `limit` objects after the id in the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub limit: i64,
    pub after: Option<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum PageError {
    Limit,
    Cursor,
}

impl PageRequest {
    pub fn new(limit: Option<i64>, cursor: Option<&str>) -> Result<PageRequest, PageError> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(PageError::Limit);
        }
        // An empty cursor (`?cursor=`) is no cursor: the first page. The contract allows
        // any string, and a client that pastes an absent `next_cursor` sends this.
        let after = cursor.filter(|c| !c.is_empty()).map(decode_cursor).transpose()?;
        Ok(PageRequest { limit, after })
    }

    pub fn first(limit: i64) -> PageRequest {
        PageRequest { limit, after: None }
    }
}

/// The cursor for the page after the object with id `last_id`. Opaque to clients, so the
/// ordering key can change without breaking them.
pub fn encode_cursor(last_id: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("v1:{last_id}"))
}

fn decode_cursor(cursor: &str) -> Result<String, PageError> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| PageError::Cursor)?;
    let text = String::from_utf8(bytes).map_err(|_| PageError::Cursor)?;
    let id = text.strip_prefix("v1:").ok_or(PageError::Cursor)?;
    if id.is_empty() || id.len() > 64 || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(PageError::Cursor);
    }
    Ok(id.to_owned())
}

/// Splits `limit + 1` fetched rows into the page and the cursor of the next one.
pub fn paginate<T>(mut rows: Vec<T>, limit: i64, id_of: impl Fn(&T) -> &str) -> (Vec<T>, Option<String>) {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    if rows.len() > limit {
        rows.truncate(limit);
        let next = rows.last().map(|r| encode_cursor(id_of(r)));
        (rows, next)
    } else {
        (rows, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert_eq!(PageRequest::new(None, None).map(|p| p.limit), Ok(50));
        assert_eq!(PageRequest::new(Some(500), None).map(|p| p.limit), Ok(500));
        assert_eq!(PageRequest::new(Some(0), None), Err(PageError::Limit));
        assert_eq!(PageRequest::new(Some(501), None), Err(PageError::Limit));
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let c = encode_cursor("acc_01ABC");
        assert_eq!(PageRequest::new(None, Some(&c)).map(|p| p.after), Ok(Some("acc_01ABC".to_owned())));
        assert_eq!(PageRequest::new(None, Some("")).map(|p| p.after), Ok(None), "empty: the first page");
        for bad in ["!!", "djE6", "eHl6", &URL_SAFE_NO_PAD.encode("v1:a'b")] {
            assert_eq!(PageRequest::new(None, Some(bad)), Err(PageError::Cursor), "{bad}");
        }
    }

    #[test]
    fn paginate_sets_the_cursor_only_when_more_rows_exist() {
        let (page, next) = paginate(vec!["a", "b", "c"], 2, |s| s);
        assert_eq!(page, ["a", "b"]);
        assert_eq!(next, Some(encode_cursor("b")));
        let (page, next) = paginate(vec!["a"], 2, |s| s);
        assert_eq!((page.len(), next), (1, None));
    }
}
