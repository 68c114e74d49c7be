//! The fingerprint of a pilot's inputs on screen and paper (DESIGN §11): the engine writes
//! the canonical JSON (`audit::fingerprint`), the browser's WebCrypto hashes it, so the app's
//! wasm carries no hash code. Two people who see the same twelve digits see the same numbers.

use crate::audit::fingerprint::{canonical_json, shown};
use crate::audit::Pilot;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "export async function sha256_hex(text) {
  if (!globalThis.crypto || !crypto.subtle) throw new Error('this page is not a secure context (https or localhost)');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}")]
extern "C" {
    /// SHA-256 of the UTF-8 bytes of `text`, as 64 hex digits.
    fn sha256_hex(text: &str) -> js_sys::Promise;
}

/// The fingerprint of `pilot`: `3f2a 9c01 b7e4`, or why the browser cannot hash.
pub async fn fingerprint(pilot: &Pilot) -> Result<String, AppError> {
    let hex = JsFuture::from(sha256_hex(&canonical_json(pilot)))
        .await
        .map_err(|e| super::browser_error(&e, "the browser could not hash"))?;
    Ok(shown(&hex.as_string().unwrap_or_default()))
}

/// A pilot's fingerprint as text, filled in once hashed (marked pending until then, so that
/// Print waits for it).
#[component]
pub fn Fingerprint(pilot: Pilot) -> impl IntoView {
    let value = RwSignal::new(None::<Result<String, AppError>>);
    spawn_local(async move {
        let result = fingerprint(&pilot).await;
        let _ = value.try_set(Some(result));
    });
    move || match value.get() {
        None => view! { <span data-testid="fingerprint" data-pending="true">"…"</span> }.into_any(),
        Some(Ok(f)) => {
            view! { <span class="fingerprint" data-testid="fingerprint">{f}</span> }.into_any()
        }
        Some(Err(e)) => {
            view! { <span data-testid="fingerprint">{format!("not available ({e})")}</span> }
                .into_any()
        }
    }
}
