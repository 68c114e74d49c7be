//! Every URL the app builds, in one place: ids are encoded here, once, and a path is read
//! into a typed [`Route`] here, its ids decoded once.

use super::steps::STEP_COUNT;
use crate::audit::schema::Field;
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
/// A shared link that holds one pilot (the data follows `#`).
pub const SHARE: &str = "/share";
/// A shared link that holds several pilots, a comparison (the data follows `#`). It has a
/// wasm of its own (DESIGN §7: the report's and compare's code in one wasm would not fit the
/// first-load budget).
pub const SHARE_COMPARE: &str = "/share/compare";
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

/// The library, told to load the example pilots and then open the report of the example
/// `id` (the report of a missing example offers this: only the library's wasm holds them).
pub fn load_examples_then(id: &str) -> String {
    format!("{LIBRARY}?{LOAD_EXAMPLES}={}", encode(id))
}

/// The example id a library address built by [`load_examples_then`] asks for, from its query
/// string (without `?`).
pub fn load_examples_request(search: &str) -> Option<String> {
    search
        .split('&')
        .find_map(|pair| pair.strip_prefix(LOAD_EXAMPLES)?.strip_prefix('='))
        .map(decode)
}

/// The query parameter of [`load_examples_then`].
const LOAD_EXAMPLES: &str = "load-examples";

/// Compare `ids`, in that order (an id holding a comma stays one id: it is encoded).
pub fn compare(ids: &[String]) -> String {
    let encoded: Vec<String> = ids.iter().map(|id| encode(id)).collect();
    format!("{COMPARE}?ids={}", encoded.join(","))
}

/// What a path shows. Read from the path as the browser holds it (percent-encoded): each
/// id is decoded here, exactly once, so an id holding `%` (`%2e%2e%2f`) stays itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Library,
    /// `/pilot/<id>`
    Report {
        /// The pilot's id, decoded.
        id: String,
    },
    /// `/pilot/<id>/edit/<step>`
    Edit {
        /// The pilot's id, decoded.
        id: String,
        /// The step asked for.
        step: Step,
    },
    /// `/compare` (the pilots are in the query string)
    Compare,
    /// `/standard`
    Standard,
    /// `/share` (the link is in the fragment): a link that holds one pilot
    Share,
    /// `/share/compare` (the link is in the fragment): a link that holds several pilots
    SharedCompare,
    /// `/debug/panic`
    Panic,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route of `path` (no query string, no fragment). One trailing slash is allowed
    /// (`/standard/`); letters are matched as written.
    pub fn of(path: &str) -> Route {
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let segments: Vec<&str> = path.split('/').collect();
        match segments.as_slice() {
            [""] => Route::Library,
            ["standard"] => Route::Standard,
            ["compare"] => Route::Compare,
            ["share"] => Route::Share,
            ["share", "compare"] => Route::SharedCompare,
            ["debug", "panic"] => Route::Panic,
            ["pilot", id] if !id.is_empty() => Route::Report { id: decode(id) },
            ["pilot", id, "edit", step] if !id.is_empty() && !step.is_empty() => {
                let Ok(step) = step.parse();
                Route::Edit {
                    id: decode(id),
                    step,
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The pilot the route is about, if any.
    pub fn pilot_id(&self) -> Option<&str> {
        match self {
            Route::Report { id } | Route::Edit { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The view that draws the route; None for a path no view draws ([`Route::NotFound`]),
    /// whose 404 every view's wasm draws.
    pub fn view(&self) -> Option<View> {
        match self {
            Route::Library => Some(View::Library),
            Route::Report { .. } => Some(View::Report),
            Route::Edit { .. } => Some(View::Questionnaire),
            Route::Compare => Some(View::Compare),
            Route::Standard | Route::Panic => Some(View::Standard),
            Route::Share => Some(View::Share),
            Route::SharedCompare => Some(View::SharedCompare),
            Route::NotFound => None,
        }
    }

    /// The wasm `assets/boot.js` starts for the route: its view's, and for a path no view
    /// draws the smallest, the standard's.
    pub fn wasm(&self) -> View {
        self.view().unwrap_or(View::Standard)
    }

    /// The questionnaire step the route asks for, if it is a step of the questionnaire.
    pub fn step(&self) -> Option<Step> {
        match self {
            Route::Edit { step, .. } => Some(*step),
            _ => None,
        }
    }
}

/// A view: what one wasm draws (DESIGN §7), built from `src/bin/view-<name>.rs`. Which
/// routes each view draws is [`Route::view`], the one table of it: `assets/boot.js` starts
/// the same wasm for every path (a test runs it over them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The library.
    Library,
    /// The questionnaire.
    Questionnaire,
    /// A pilot's report.
    Report,
    /// Compare.
    Compare,
    /// How we score (and the error panel's check).
    Standard,
    /// A shared link that holds one pilot.
    Share,
    /// A shared link that holds several pilots.
    SharedCompare,
}

impl View {
    /// Every view.
    pub const ALL: [View; 7] = [
        View::Library,
        View::Questionnaire,
        View::Report,
        View::Compare,
        View::Standard,
        View::Share,
        View::SharedCompare,
    ];

    /// The view's name: its wasm is `view-<name>` (`src/bin/view-<name>.rs`), and
    /// `assets/boot.js` names it so.
    pub fn name(self) -> &'static str {
        match self {
            View::Library => "library",
            View::Questionnaire => "questionnaire",
            View::Report => "report",
            View::Compare => "compare",
            View::Standard => "standard",
            View::Share => "share",
            View::SharedCompare => "shared-compare",
        }
    }
}

/// One URL component decoded (the inverse of [`encode`]).
fn decode(component: &str) -> String {
    percent_decode_str(component)
        .decode_utf8_lossy()
        .into_owned()
}

/// The pilot id in a path (`/pilot/<id>` or `/pilot/<id>/edit/<step>`), decoded once.
pub fn pilot_id_in(path: &str) -> Option<String> {
    Route::of(path).pilot_id().map(str::to_string)
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
    fn the_library_is_asked_for_an_example_and_reads_it_back() {
        for id in ["example-kyc-checks", "a&b=c", "é"] {
            let href = load_examples_then(id);
            let search = href.split_once('?').unwrap().1;
            assert_eq!(load_examples_request(search).as_deref(), Some(id));
        }
        assert_eq!(load_examples_request("ids=a"), None);
        assert_eq!(load_examples_request(""), None);
    }

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
        assert_eq!(
            pilot_id_in("/pilot/a%2525"),
            Some("a%25".into()),
            "decoded once"
        );
        let step = |s: &str| s.parse::<Step>().unwrap().0;
        assert_eq!(
            (step("3"), step("6"), step("0"), step("9"), step("x")),
            (Some(3), Some(6), None, None, None)
        );
    }

    #[test]
    fn paths_name_their_route() {
        let shows_report = |id: &str| Route::Report { id: id.into() };
        let shows_step = |id: &str, step| Route::Edit {
            id: id.into(),
            step: Step(step),
        };
        for (path, route) in [
            ("/", Route::Library),
            ("", Route::Library),
            ("/standard", Route::Standard),
            ("/standard/", Route::Standard),
            ("/compare", Route::Compare),
            ("/compare/", Route::Compare),
            ("/share", Route::Share),
            ("/share/compare", Route::SharedCompare),
            ("/share/compare/", Route::SharedCompare),
            ("/share/x", Route::NotFound),
            ("/debug/panic", Route::Panic),
            ("/pilot/x", shows_report("x")),
            ("/pilot/x/", shows_report("x")),
            ("/pilot/%252e%252e%252f", shows_report("%2e%2e%2f")),
            ("/pilot/a%23b", shows_report("a#b")),
            ("/pilot/a%2Fb%3Fc", shows_report("a/b?c")),
            ("/pilot/%C3%A9", shows_report("é")),
            ("/pilot/x/edit/2", shows_step("x", Some(2))),
            ("/pilot/x/edit/2/", shows_step("x", Some(2))),
            ("/pilot/x/edit/9", shows_step("x", None)),
            ("/pilot/x/edit/x", shows_step("x", None)),
            ("/pilot/new/edit/1", shows_step(NEW_PILOT_ID, Some(1))),
            ("/no-such-page", Route::NotFound),
            ("/STANDARD", Route::NotFound),
            ("/standard//", Route::NotFound),
            ("/pilot", Route::NotFound),
            ("/pilot/", Route::NotFound),
            ("/pilot/x/edit", Route::NotFound),
            ("/pilot/x/edit/", Route::NotFound),
            ("/pilot/x/edit/2/x", Route::NotFound),
            ("/pilot/x/report", Route::NotFound),
            ("/debug", Route::NotFound),
        ] {
            assert_eq!(Route::of(path), route, "{path}");
        }
        for id in ["a#b", "%2e%2e%2f", "a/b?c=d", "é and ü", "p 1"] {
            assert_eq!(Route::of(&report(id)).pilot_id(), Some(id));
            assert_eq!(Route::of(&edit(id, 3)).step(), Some(Step(Some(3))));
        }
        assert_eq!(Route::of(LIBRARY), Route::Library);
        assert_eq!(Route::of(STANDARD), Route::Standard);
        assert_eq!(Route::of(COMPARE), Route::Compare);
        assert_eq!(Route::of(SHARE), Route::Share);
        assert_eq!(Route::of(SHARE_COMPARE), Route::SharedCompare);
        assert_eq!(Route::Compare.step(), None);
    }
}
