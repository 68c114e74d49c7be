//! Every key Pilot Audit writes in the browser's storage, in one place. `v1` in the local
//! storage keys is their layout's version; the session storage keys live as long as a tab.
//! (`assets/boot.js` only asks whether storage works, reading no key; the service worker's
//! cache is named in `assets/sw.js`, the one file that uses it.)

/// Every pilot's key in local storage starts with this prefix.
pub const KEY_PREFIX: &str = "pilot-audit/v1/pilot/";

/// The local storage key of a pilot.
pub fn pilot(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// The local storage key of a pilot's questionnaire progress: the furthest step reached
/// while unfinished.
pub fn progress(id: &str) -> String {
    format!("pilot-audit/v1/progress/{id}")
}

/// Where a tab lists the new pilots it made (its session storage: kept across this tab's
/// pages, never seen by another tab).
pub const MADE_HERE: &str = "pilot-audit/new-pilots-made-here";

/// Where "Save to my library" on a shared link leaves its pilots (as an export file's text)
/// for the library's import to ask about: the tab's session storage, read once.
pub const HANDED_OVER: &str = "pilot-audit/shared-to-save";
