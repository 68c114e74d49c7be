//! Every URL the app builds, in one place: ids are encoded here, once, and route params are
//! read into typed structs here.

use super::questionnaire::steps::STEP_COUNT;
use crate::audit::schema::Field;
use leptos::prelude::With;
use leptos::Params;
use leptos_router::params::Params;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What `encodeURIComponent` leaves as it is: letters, digits and `-_.!~*'()`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// `text` as one URL component, as `encodeURIComponent` writes it.
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// The library.
pub const LIBRARY: &str = "/";
/// How we score.
pub const STANDARD: &str = "/standard";
/// Compare, with no pilot chosen yet.
pub const COMPARE: &str = "/compare";
/// The questionnaire for a new pilot (it makes one and moves to its first step).
pub const NEW_PILOT: &str = "/pilot/new/edit/1";
/// The id of [`NEW_PILOT`] in the path.
pub const NEW_PILOT_ID: &str = "new";

/// The report of a pilot.
pub fn report(id: &str) -> String {
    format!("/pilot/{}", encode(id))
}

/// A step of the questionnaire (1-based).
pub fn edit(id: &str, step: usize) -> String {
    format!("/pilot/{}/edit/{step}", encode(id))
}

/// A step of the questionnaire with one field focused.
pub fn edit_field(id: &str, step: usize, field: Field) -> String {
    format!("{}#{}", edit(id, step), field.spec().input_id())
}

/// Compare `ids`, in that order (an id holding a comma stays one id: it is encoded).
pub fn compare(ids: &[String]) -> String {
    let encoded: Vec<String> = ids.iter().map(|id| encode(id)).collect();
    format!("{COMPARE}?ids={}", encoded.join(","))
}

/// The pilot id in a path (`/pilot/<id>` or `/pilot/<id>/edit/<step>`) as the router's
/// location holds it, decoded exactly once. Not from the router's params: leptos_router
/// decodes a segment twice, so an id holding `%` (`%2e%2e%2f`) would be read as another
/// (`../`). (Its link handler also decodes a path once before navigating, which leaves the
/// reserved escapes this reads; links holding `%25` load in full, see `ui::App`.)
pub fn pilot_id_in(path: &str) -> Option<String> {
    let segment = path.strip_prefix("/pilot/")?.split('/').next()?;
    Some(percent_decode_str(segment).decode_utf8_lossy().into_owned())
}

/// The pilot id of the current location ("" when there is none).
pub fn pilot_id_of(location: &leptos_router::location::Location) -> String {
    location
        .pathname
        .with(|path| pilot_id_in(path))
        .unwrap_or_default()
}

/// Params of `/pilot/:id/edit/:step` (the id is read by [`pilot_id_of`]).
#[derive(Params, Clone, PartialEq)]
pub struct EditParams {
    /// The step.
    pub step: Option<Step>,
}

/// A questionnaire step read from the URL: `Some(n)` for a step that exists (1-based),
/// None for anything else (`/edit/9`, `/edit/x`), which the questionnaire says is no step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step(pub Option<usize>);

impl std::str::FromStr for Step {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Step(
            text.parse::<usize>()
                .ok()
                .filter(|n| (1..=STEP_COUNT).contains(n)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_encoded_as_one_component() {
        assert_eq!(report("example-invoice-erp"), "/pilot/example-invoice-erp");
        assert_eq!(report("a#frag"), "/pilot/a%23frag");
        assert_eq!(report("a/b?c=d"), "/pilot/a%2Fb%3Fc%3Dd");
        assert_eq!(edit("p 1", 3), "/pilot/p%201/edit/3");
        assert_eq!(
            edit_field("x", 2, Field::MonthlyVolume),
            "/pilot/x/edit/2#f-task-monthly_volume"
        );
        assert_eq!(
            compare(&["a".into(), "b,c".into(), "é".into()]),
            "/compare?ids=a,b%2Cc,%C3%A9"
        );
        assert_eq!(encode("-_.!~*'()"), "-_.!~*'()");
        for id in [
            "a#frag",
            "a?b=c",
            "a/b",
            "../../etc/passwd",
            "%2e%2e%2f",
            "é and ü",
        ] {
            assert_eq!(pilot_id_in(&report(id)).as_deref(), Some(id));
            assert_eq!(pilot_id_in(&edit(id, 2)).as_deref(), Some(id));
        }
        assert_eq!(pilot_id_in("/compare"), None);
        let step = |s: &str| s.parse::<Step>().unwrap().0;
        assert_eq!(
            (step("3"), step("6"), step("0"), step("9"), step("x")),
            (Some(3), Some(6), None, None, None)
        );
    }
}
