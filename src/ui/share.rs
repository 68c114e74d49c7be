//! Sharing without a server (DESIGN §11): a link whose data sits in the URL's fragment
//! (never sent to any server), compressed with the browser's `CompressionStream("deflate")`
//! (zlib: its checksum makes a changed character fail loudly), optionally locked with a
//! passphrase (WebCrypto: PBKDF2-SHA-256, 600,000 iterations, AES-GCM-256); and the view
//! that opens such a link read-only, with "Save to my library" through the import's own
//! validation and confirmation.

use super::routes::{SHARE, SHARE_COMPARE};
use super::transfer::hand_to_library;
use crate::audit::format::plural;
use crate::audit::Pilot;
use crate::error::AppError;
use crate::store::file::{export_json, parse_import};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Links longer than this carry a warning: some mail clients cut them.
pub const LONG_LINK: usize = 8_000;
/// Fragments longer than this are refused before they are read: a log of 10,000 batches
/// compresses far below it. (Chromium itself refuses any URL over 2 MB.)
pub const MAX_FRAGMENT: usize = 1_000_000;

#[wasm_bindgen(inline_js = r#"
const MAX_TEXT = 5 * 1024 * 1024;
const ITERATIONS = 600000;
const fail = (kind, message) => Object.assign(new Error(message), { kind });
function toBase64url(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw fail("damaged", "it holds characters a link of ours never does");
  try {
    const s = atob(text.replaceAll("-", "+").replaceAll("_", "/") + "===".slice((text.length + 3) % 4));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch { throw fail("damaged", "it is not whole"); }
}
async function through(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}
async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate")).getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_TEXT) { reader.cancel(); throw fail("large", "it unpacks to more than 5 MB"); }
      parts.push(value);
    }
  } catch (e) {
    if (e.kind) throw e;
    throw fail("damaged", "it was cut short or a character was changed");
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return new TextDecoder("utf-8", { fatal: true }).decode(out);
}
async function keyFor(passphrase, salt) {
  const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations: ITERATIONS }, base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}
export async function make_fragment(json, passphrase) {
  const packed = await through(new TextEncoder().encode(json), new CompressionStream("deflate"));
  if (!passphrase) return "v1." + toBase64url(packed);
  if (!globalThis.crypto || !crypto.subtle) throw fail("insecure", "locking needs a secure page (https or localhost)");
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await keyFor(passphrase, salt), packed));
  return ["e1", toBase64url(salt), toBase64url(iv), toBase64url(sealed)].join(".");
}
export async function open_fragment(fragment, passphrase) {
  const [prefix, ...parts] = fragment.split(".");
  if (prefix === "v1" && parts.length === 1) return inflate(fromBase64url(parts[0]));
  if (prefix === "e1" && parts.length === 3) {
    const [salt, iv, sealed] = parts.map(fromBase64url);
    if (salt.length !== 16 || iv.length !== 12) throw fail("damaged", "its lock is not whole");
    if (!passphrase) throw fail("locked", "it is locked with a passphrase");
    if (!globalThis.crypto || !crypto.subtle) throw fail("insecure", "unlocking needs a secure page (https or localhost)");
    let packed;
    try {
      packed = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv }, await keyFor(passphrase, salt), sealed));
    } catch { throw fail("passphrase", "the passphrase does not unlock it, or the link was changed"); }
    return inflate(packed);
  }
  if (prefix === "v1" || prefix === "e1") throw fail("damaged", "it was cut short or a character was changed");
  throw fail("version", `it starts “${prefix.slice(0, 12)}.”, which this version of Pilot Audit does not know`);
}
"#)]
extern "C" {
    /// The fragment (without `#`) for an export's JSON: `v1.<data>`, or `e1.<salt>.<iv>.<data>`
    /// when a passphrase is given.
    fn make_fragment(json: &str, passphrase: &str) -> js_sys::Promise;
    /// The export JSON a fragment holds, or an error with `kind` (`locked` when it needs a
    /// passphrase, `passphrase` when the one given does not open it) and a message.
    fn open_fragment(fragment: &str, passphrase: &str) -> js_sys::Promise;
}

/// The full link for `pilots`, locked when `passphrase` is not empty.
pub async fn make_link(pilots: &[Pilot], passphrase: &str) -> Result<String, AppError> {
    let fragment = JsFuture::from(make_fragment(&export_json(pilots), passphrase))
        .await
        .map_err(|e| super::browser_error(&e, "the browser refused"))?;
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let path = if pilots.len() == 1 {
        SHARE
    } else {
        SHARE_COMPARE
    };
    Ok(format!(
        "{origin}{path}#{}",
        fragment.as_string().unwrap_or_default()
    ))
}

/// Copy `text` to the clipboard; false when the browser does not allow it.
async fn copy(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return false;
    };
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Share: a button that opens the dialog making a link of `pilots`.
#[component]
pub fn ShareButton(pilots: Vec<Pilot>) -> impl IntoView {
    let open = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let link = RwSignal::new(None::<Result<String, AppError>>);
    let copied = RwSignal::new(None::<bool>);
    let what = match pilots.as_slice() {
        [one] => format!("this pilot, “{}”", super::format::display_name(one)),
        many => format!("these {} pilots", many.len()),
    };
    let pilots = StoredValue::new(pilots);
    let make = move |_| {
        let secret = passphrase.get_untracked();
        copied.set(None);
        spawn_local(async move {
            let made = make_link(&pilots.get_value(), &secret).await;
            if link.try_set(Some(made)).is_some() {
                return; // the dialog has gone
            }
            request_animation_frame(|| super::focus_by_id("share-link"));
        });
    };
    let close = move |_: ()| {
        open.set(false);
        link.set(None);
        request_animation_frame(|| super::focus_by_id("share-button"));
    };
    view! {
        <button class="button" type="button" id="share-button" data-testid="share-button"
            aria-expanded=move || open.get().to_string() aria-controls="share-dialog"
            on:click=move |_| { open.update(|o| *o = !*o); if open.get_untracked() { request_animation_frame(|| super::focus_by_id("share-title")); } }>
            "Share"
        </button>
        <Show when=move || open.get()>
            <section class="share-dialog" id="share-dialog" role="dialog" aria-labelledby="share-title"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { close(()); }>
                <h2 id="share-title" tabindex="-1">"Share a link"</h2>
                <p>{format!("The link holds {} — every answer, the notes and the evidence log included — inside the link itself, after the “#”. Nothing is uploaded: browsers never send that part of a link to any server, ours included.", what.clone())}</p>
                <p>"Anyone who has the link can read it. Lock it with a passphrase and they need that too: send the passphrase another way than the link."</p>
                <div class="field">
                    <label for="share-passphrase">"Passphrase (optional)"</label>
                    <p class="hint" id="share-passphrase-hint">"Leave empty for a link anyone who has it can open."</p>
                    <input type="password" id="share-passphrase" data-testid="share-passphrase" autocomplete="new-password"
                        aria-describedby="share-passphrase-hint"
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </div>
                <div class="actions">
                    <button class="button button--primary" type="button" data-testid="share-make" on:click=make>"Make the link"</button>
                    <button class="button" type="button" on:click=move |_| close(())>"Close"</button>
                </div>
                {move || link.get().map(|made| match made {
                    Ok(url) => {
                        let long = url.len() > LONG_LINK;
                        let chars = url.len();
                        let for_copy = url.clone();
                        view! {
                            <div class="field">
                                <label for="share-link">{if passphrase.get_untracked().is_empty() { "The link" } else { "The link (locked)" }}</label>
                                <input type="text" id="share-link" data-testid="share-link" readonly=true prop:value=url.clone()
                                    on:focus=move |ev| { let input: web_sys::HtmlInputElement = event_target(&ev); input.select(); }/>
                            </div>
                            {long.then(|| view! {
                                <p class="notice notice--problem" role="status" data-testid="share-long">{format!("This link is {} characters long: some mail clients cut links over {}. Send it in a chat or a document, or export a file instead.", crate::audit::format::count(chars as f64), crate::audit::format::count(LONG_LINK as f64))}</p>
                            })}
                            <div class="actions">
                                <button class="button" type="button" data-testid="share-copy" on:click=move |_| {
                                    let text = for_copy.clone();
                                    spawn_local(async move { let _ = copied.try_set(Some(copy(&text).await)); });
                                }>"Copy the link"</button>
                            </div>
                            <p role="status">{move || copied.get().map(|ok| if ok { "Copied." } else { "The browser did not allow copying: select the link and copy it." })}</p>
                        }.into_any()
                    }
                    Err(e) => view! { <p class="notice notice--problem" role="alert">{format!("No link could be made: {e}.")}</p> }.into_any(),
                })}
            </section>
        </Show>
    }
}

/// Where the shared view stands.
#[derive(Clone)]
enum Opened {
    Reading,
    Locked(Option<String>),
    Refused(Vec<String>),
    Shown(Vec<Pilot>),
}

/// Read a fragment into pilots: unpacked, then through the import's own checks.
async fn read(fragment: String, passphrase: String) -> Opened {
    if fragment.is_empty() {
        return Opened::Refused(vec!["This link holds nothing after its “#”: it was cut short before its data. Ask for the link again.".to_string()]);
    }
    if fragment.len() > MAX_FRAGMENT {
        return Opened::Refused(vec![format!(
            "This link is {:.1} MB long; links over 1 MB are refused. Ask for a file instead.",
            fragment.len() as f64 / 1e6
        )]);
    }
    match JsFuture::from(open_fragment(&fragment, &passphrase)).await {
        Ok(json) => match parse_import(&json.as_string().unwrap_or_default()) {
            Ok(pilots) => Opened::Shown(pilots),
            Err(problems) => Opened::Refused(
                std::iter::once(
                    "This link opened, but what it holds is not a pilot this version can show:"
                        .to_string(),
                )
                .chain(problems)
                .collect(),
            ),
        },
        Err(e) => {
            let kind = js_sys::Reflect::get(&e, &"kind".into())
                .ok()
                .and_then(|k| k.as_string());
            let message = super::error_message(&e, "the browser refused");
            match kind.as_deref() {
                Some("locked") => Opened::Locked(None),
                Some("passphrase") => Opened::Locked(Some(format!("That did not open it: {message}."))),
                _ => Opened::Refused(vec![format!("This link cannot be opened: {message}. Nothing was saved. Ask for the link again.")]),
            }
        }
    }
}

/// The shared view (`/share#…`): the pilots a link holds, read-only and not saved, with
/// "Save to my library".
/// What a view's wasm shows of the pilots a link held: the report of one
/// ([`one_pilot`]), or the comparison of several (`compare::SharedCompare`).
pub type ShowShared = fn(Vec<Pilot>) -> AnyView;

/// A shared link opened: unpacked (with its passphrase, when it is locked), then shown by
/// `show`.
#[component]
pub fn Shared(show: ShowShared) -> impl IntoView {
    super::set_title("Shared with you");
    let location = super::router::use_location();
    let opened = RwSignal::new(Opened::Reading);
    let passphrase = RwSignal::new(String::new());
    let fragment = move || {
        location
            .hash
            .get_untracked()
            .trim_start_matches('#')
            .to_string()
    };
    let open_with = move |secret: String| {
        let fragment = fragment();
        spawn_local(async move {
            let result = read(fragment, secret).await;
            let _ = opened.try_set(result);
        });
    };
    // Read again whenever the fragment changes (a second link opened in the same tab changes
    // only what follows the "#").
    Effect::new(move |_| {
        location.hash.track();
        opened.set(Opened::Reading);
        passphrase.set(String::new());
        open_with(String::new());
    });
    let unlock = move || {
        opened.set(Opened::Reading);
        open_with(passphrase.get_untracked());
    };
    move || {
        match opened.get() {
        Opened::Reading => view! { <p class="loading" role="status" data-pending="true">"Opening the shared link…"</p> }.into_any(),
        Opened::Locked(problem) => view! {
            <h1>"A locked link"</h1>
            <p>"This link is locked with a passphrase. Whoever sent it should have given you the passphrase another way."</p>
            {problem.map(|p| view! { <p class="notice notice--problem" role="alert" data-testid="share-problem">{p}</p> })}
            <form class="field" on:submit=move |ev| { ev.prevent_default(); unlock(); }>
                <label for="share-passphrase">"Passphrase"</label>
                <input type="password" id="share-passphrase" data-testid="share-passphrase" autocomplete="off"
                    prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                <div class="actions"><button class="button button--primary" type="submit">"Unlock"</button></div>
            </form>
        }.into_any(),
        Opened::Refused(problems) => view! {
            <h1>"This link cannot be shown"</h1>
            <div class="error-summary" role="alert" data-testid="share-problem">
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
            <p><a href=super::routes::LIBRARY>"Go to the library"</a></p>
        }.into_any(),
        Opened::Shown(pilots) => view! { <SharedPilots pilots=pilots show=show/> }.into_any(),
    }
    }
}

/// What a link held, marked as not saved. "Save to my library" hands the pilots to the
/// library, which asks as for an imported file.
#[component]
fn SharedPilots(pilots: Vec<Pilot>, show: ShowShared) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let json = export_json(&pilots);
    let save = move |_| problem.set(hand_to_library(&json).err().map(String::from));
    let count = pilots.len();
    view! {
        <div class="shared-banner" role="status" data-testid="shared-banner">
            <strong>"Shared with you — not saved. "</strong>
            {format!("{} from a link, read-only in this browser until you save {}.", plural(count as u64, "pilot", "pilots"), if count == 1 { "it" } else { "them" })}
            " "
            <button class="button button--primary" type="button" data-testid="share-save" on:click=save>"Save to my library"</button>
            {move || problem.get().map(|p| view! { <p class="notice notice--problem" role="alert">{p}</p> })}
        </div>
        {show(pilots)}
    }
}
