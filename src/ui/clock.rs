//! The browser's clock and randomness, for stamps and fresh ids.

/// Now, as RFC 3339 (the browser's clock).
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Today, as YYYY-MM-DD (UTC, as the stamps).
pub fn today() -> String {
    crate::audit::date::today()
}

/// A fresh pilot id: time and randomness, unique enough for one person's browser.
pub fn new_pilot_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("p-{time:x}-{random:x}")
}
