//! Field checks that collect every problem of a request at once.

use stratum_api::FieldError;

/// White space as JSON Schema patterns know it (ECMA-262 `\s`), which differs from
/// Rust's `char::is_whitespace` in two characters (U+0085 is not white space there, U+FEFF
/// is): "not blank" means the same to the contract (`pattern: "\S"`) and to the server,
/// and a name is trimmed of exactly what made it count as not blank.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// `value` without leading and trailing white space (`is_space`).
pub fn trim_space(value: &str) -> &str {
    value.trim_matches(is_space)
}

/// Collects field errors; a request is valid when none were found.
#[derive(Debug, Default)]
pub struct Checks {
    errors: Vec<FieldError>,
}

impl Checks {
    pub fn new() -> Checks {
        Checks::default()
    }

    pub fn fail(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.errors.push(FieldError { field: field.to_owned(), code: code.to_owned(), message: message.into() });
    }

    /// A required text: not blank and at most `max` characters.
    pub fn text(&mut self, field: &str, value: &str, max: usize) {
        if trim_space(value).is_empty() {
            self.fail(field, "required", "must not be blank");
        } else {
            self.max_len(field, value, max);
        }
    }

    /// An optional text: when given, not blank and at most `max` characters.
    pub fn optional_text(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            self.text(field, v, max);
        }
    }

    pub fn max_len(&mut self, field: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.fail(field, "too_long", format!("must be at most {max} characters"));
        }
    }

    pub fn email(&mut self, field: &str, value: &str) {
        if !is_email(value) {
            self.fail(field, "invalid_format", "must be an e-mail address (name@example.com)");
        }
    }

    pub fn phone(&mut self, field: &str, value: &str) {
        let ok = value.len() <= 40
            && value.chars().any(|c| c.is_ascii_digit())
            && value.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
        if !ok {
            self.fail(field, "invalid_format", "must be a phone number (+49 30 1234567)");
        }
    }

    /// A BCP 47 language tag of the common shapes: `en`, `de`, `pt-BR`, `zh-Hant`.
    pub fn language(&mut self, field: &str, value: &str) {
        if !is_language(value) {
            self.fail(field, "invalid_format", "must be a language tag (en, de, pt-BR)");
        }
    }

    pub fn country(&mut self, field: &str, value: &str) {
        if !(value.len() == 2 && value.chars().all(|c| c.is_ascii_uppercase())) {
            self.fail(field, "invalid_format", "must be an ISO 3166-1 alpha-2 country code (DE, US)");
        }
    }

    pub fn metadata<'a>(&mut self, field: &str, entries: impl ExactSizeIterator<Item = (&'a String, &'a String)>) {
        if entries.len() > 50 {
            self.fail(field, "too_many", "must have at most 50 entries");
            return;
        }
        for (k, v) in entries {
            if k.is_empty() || k.chars().count() > 40 {
                self.fail(&format!("{field}.{k}"), "invalid_key", "keys must have 1 to 40 characters");
            }
            if v.chars().count() > 500 {
                self.fail(&format!("{field}.{k}"), "too_long", "values must be at most 500 characters");
            }
        }
    }

    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    value.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(|c| is_space(c) || c.is_control())
}

/// `xx`/`xxx`, then subtags of 2–8 letters or digits.
pub fn is_language(value: &str) -> bool {
    let mut parts = value.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && value.len() <= 35
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in ["a@b.co", "ops+x@northwind.example"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in ["", "a", "a@b", "@b.co", "a@@b.co", "a b@c.de", "a@.co", "a@b.co."] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn checks_collect_every_error() {
        let mut c = Checks::new();
        c.text("name", " ", 10);
        c.text("city", "x".repeat(11).as_str(), 10);
        c.country("country", "Germany");
        c.phone("phone", "call me");
        let errors = c.finish().expect_err("four errors");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "city", "country", "phone"]);
    }
}
