// Starts the app. Each view has a wasm of its own (DESIGN §7: the first load of any view
// stays within budget), so this page loads only the one its path asks for; a link to a view
// of another wasm is loaded in full (`ui::Pages`, src/bin/view-*.rs). Keeping the start-up
// code in a file of its own lets the Content-Security-Policy forbid inline scripts.

// The wasm that draws `path`: Route::wasm (src/ui/routes.rs) is the one table of it, and
// a test (tests/boot.rs) runs this over every path it reads. One slash is dropped at each
// end, then the segments are matched whole ("*": any but empty); every wasm draws the 404
// view, and the standard's, the smallest, starts for every path no view draws.
function view(path) {
  const segments = path.replace(/^\//, "").replace(/\/$/, "").split("/");
  const is = (...pattern) =>
    segments.length === pattern.length && pattern.every((p, i) => (p === "*" ? segments[i] !== "" : p === segments[i]));
  if (is("")) return "library";
  if (is("pilot", "*")) return "report";
  if (is("pilot", "*", "edit", "*")) return "questionnaire";
  if (is("compare")) return "compare";
  if (is("share")) return "share";
  if (is("share", "compare")) return "shared-compare";
  return "standard";
}

// The view's JS and wasm. Trunk builds the library's as its main app, with hashed names,
// written into this script's tag (Trunk.toml, pattern_script); the others' names carry no
// hash, so index.html names their build (tools/finish-build.mjs) and their URLs carry it:
// a release is never served an older copy from a cache.
function files(name) {
  const tag = document.querySelector("script[data-library-js]");
  if (name === "library") return [tag.dataset.libraryJs, tag.dataset.libraryWasm];
  const build = document.querySelector("meta[name=pilot-audit-views]")?.content ?? "";
  const release = /^[0-9a-f]+$/.test(build) ? `?v=${build}` : "";
  return [`/view-${name}.js${release}`, `/view-${name}_bg.wasm${release}`];
}

// Back or Forward to a page the browser kept whole (the back-forward cache) would show it as
// it was before another view's page changed the pilots: load it again instead.
addEventListener("pageshow", (event) => event.persisted && location.reload());

// Where the browser blocks storage, work lives only in the page: the wasm of every view
// then draws them all in this one page (larger, but nothing is lost between views).
function storageWorks() {
  try {
    // Reading it throws where the browser blocks storage; no key is written or read.
    void localStorage.length;
    return true;
  } catch {
    return false;
  }
}

const [js, wasm] = files(storageWorks() ? view(location.pathname) : "all");
const module = fetch(wasm);
const { default: init } = await import(js);
await init({ module_or_path: module });

// Offline once loaded: the service worker keeps every view's wasm (assets/sw.js).
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  navigator.serviceWorker.register("/sw.js").catch((error) => console.warn("Offline use is not available:", error));
}
