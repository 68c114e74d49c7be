//! Figures for the screen, formatted by the browser's `Intl.NumberFormat` in the pilot's
//! currency; the engine's plain formatter is the fallback.

use crate::audit::format as plain;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsValue;

thread_local! {
    /// One `Intl.NumberFormat` per (currency, decimals): building one costs far more than
    /// formatting with it (45 ms of the library's 500 rows when each figure built its own).
    static MONEY_FORMATS: RefCell<HashMap<(String, u8), js_sys::Intl::NumberFormat>> =
        RefCell::new(HashMap::new());
}

fn intl_money(value: f64, currency: &str, digits: u8) -> Option<String> {
    // `Intl.NumberFormat` throws on a malformed code (a tampered record can hold one); a
    // throw here would also leave the cache borrowed for good.
    if !crate::audit::schema::is_currency_code(currency) {
        return None;
    }
    MONEY_FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        let key = (currency.to_string(), digits);
        if !formats.contains_key(&key) {
            let opts = js_sys::Object::new();
            for (name, val) in [
                ("style", JsValue::from_str("currency")),
                ("currency", JsValue::from_str(currency)),
                ("maximumFractionDigits", JsValue::from(digits)),
                ("minimumFractionDigits", JsValue::from(digits)),
            ] {
                js_sys::Reflect::set(&opts, &JsValue::from_str(name), &val).ok()?;
            }
            let locales = js_sys::Array::of1(&JsValue::from_str("en-US"));
            formats.insert(
                key.clone(),
                js_sys::Intl::NumberFormat::new(&locales, &opts),
            );
        }
        formats
            .get(&key)?
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(value))
            .ok()?
            .as_string()
    })
}

/// Money in `currency`, two decimals under 100, none above.
pub fn money(value: f64, currency: &str) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let digits = if value.abs() < 100.0 { 2 } else { 0 };
    intl_money(value, currency, digits).unwrap_or_else(|| plain::money(value, currency))
}

/// Optional money; "—" when the figure is unknowable.
pub fn money_or_dash(value: Option<f64>, currency: &str) -> String {
    value.map_or_else(|| "—".to_string(), |v| money(v, currency))
}

/// Payback in months, or "never".
pub fn payback(value: Option<f64>) -> String {
    crate::audit::words::rounding::payback(value)
}

/// A pilot's name as shown; "Untitled pilot" when it has none yet.
pub fn display_name(pilot: &crate::audit::Pilot) -> String {
    if pilot.name.trim().is_empty() {
        "Untitled pilot".to_string()
    } else {
        pilot.name.clone()
    }
}

/// Open the browser's print dialog once every chart on the page is drawn and nothing is
/// pending (the simulation's figures); the print stylesheet does the rest. Charts still
/// loading after 10 s print as their captions.
pub fn print_page() {
    print_when_drawn(100, || {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
}

/// Run `then` when no chart on the page is still being drawn and nothing is pending, checking every 100 ms at most
/// `tries` times.
fn print_when_drawn(tries: u32, then: impl FnOnce() + 'static) {
    let waiting = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("figure.chart-figure:not([data-drawn]), [data-pending]")
                .ok()
        })
        .flatten()
        .is_some();
    if waiting && tries > 0 {
        leptos::prelude::set_timeout(
            move || print_when_drawn(tries - 1, then),
            std::time::Duration::from_millis(100),
        );
    } else {
        then();
    }
}

/// Print with the appendix of answers: the body carries `print-answers` while the print
/// dialog is open (it blocks until the person is done).
pub fn print_with_answers() {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    print_when_drawn(100, move || {
        let _ = body.class_list().add_1("print-answers");
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
        let _ = body.class_list().remove_1("print-answers");
    });
}

/// What the capacity or reserved compute shows while the pilot's own GPUs give it (DESIGN
/// §12): the derived figure to the cent, or that the GPUs need correcting first (`errors`:
/// the pilot's validation); None for any other input, or without a block.
pub fn derived_answer(
    field: crate::audit::schema::Field,
    pilot: &crate::audit::Pilot,
    errors: &[crate::audit::FieldError],
) -> Option<String> {
    use crate::audit::path::{GpuBlock, Path};
    use crate::audit::schema::Field;
    let (capacity, reserved) = crate::audit::sourcing::derived_compute(pilot)?;
    let value = match field {
        Field::ProvisionedTasksPerMonth => capacity,
        Field::MonthlyFixedCompute => reserved,
        _ => return None,
    };
    if errors
        .iter()
        .any(|e| matches!(e.path, Path::Gpu(GpuBlock::Own, _)))
    {
        return Some("— (correct the GPUs first)".to_string());
    }
    let rule = field.spec().number_rule()?;
    Some(rule.show((value * 100.0).round() / 100.0))
}

/// An answer as the review and the appendix list it: its value with its range, or the
/// figure the pilot's own GPUs give, said so.
pub fn answer_shown(
    field: crate::audit::schema::Field,
    pilot: &crate::audit::Pilot,
    errors: &[crate::audit::FieldError],
) -> String {
    derived_answer(field, pilot, errors).map_or_else(
        || field.spec().shown_with_range(pilot),
        |shown| format!("{shown} (from the GPUs)"),
    )
}
