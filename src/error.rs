//! What went wrong, in words a person reads: the one error type of every operation whose
//! failure is shown (a typed answer, a stored record, a file, the browser, the chart module).
//! Its text is the message as it is shown, kind apart.

use std::fmt;

/// Something that went wrong, and what to tell the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// What was typed is not a value of its input: "enter a whole number, 0 or more".
    NotAValue(String),
    /// A stored record, a file or a link cannot be read as what it should be.
    Unreadable(String),
    /// The browser refused or lacks what was asked: storage, a download, hashing.
    Browser(String),
    /// The chart module could not load, answer or draw.
    Chart(String),
}

impl AppError {
    /// The message, as shown.
    pub fn message(&self) -> &str {
        match self {
            AppError::NotAValue(m)
            | AppError::Unreadable(m)
            | AppError::Browser(m)
            | AppError::Chart(m) => m,
        }
    }

    /// The same kind of error, its message rewritten (context added, e.g.
    /// "not a pilot record (…)").
    pub fn map(self, f: impl FnOnce(&str) -> String) -> AppError {
        let message = f(self.message());
        match self {
            AppError::NotAValue(_) => AppError::NotAValue(message),
            AppError::Unreadable(_) => AppError::Unreadable(message),
            AppError::Browser(_) => AppError::Browser(message),
            AppError::Chart(_) => AppError::Chart(message),
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for AppError {}

/// JSON that does not parse, or that is not what it should be.
impl From<serde_json::Error> for AppError {
    fn from(e: serde_json::Error) -> AppError {
        AppError::Unreadable(e.to_string())
    }
}

/// What to show in place of an error message that no longer names its kind (the form's
/// reasons by input are text).
impl From<AppError> for String {
    fn from(e: AppError) -> String {
        e.message().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_as_its_message_whatever_its_kind() {
        let e = AppError::NotAValue("enter a number".into());
        assert_eq!(e.to_string(), "enter a number");
        let e =
            AppError::Unreadable("no `pilot`".into()).map(|m| format!("not a pilot record ({m})"));
        assert_eq!(
            e,
            AppError::Unreadable("not a pilot record (no `pilot`)".into())
        );
        let json: AppError = serde_json::from_str::<u8>("x").unwrap_err().into();
        assert!(matches!(json, AppError::Unreadable(ref m) if m.contains("expected value")));
        assert_eq!(
            String::from(AppError::Chart("the chart library is not loaded".into())),
            "the chart library is not loaded"
        );
    }
}
