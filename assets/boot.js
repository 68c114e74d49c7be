// Starts the WebAssembly app. Trunk writes the hashed file names into the data attributes
// of the tag that loads this module (Trunk.toml, pattern_script); keeping the start-up code
// in a file of its own lets the Content-Security-Policy forbid inline scripts.
const tag = document.querySelector("script[data-wasm-js]");
const { default: init } = await import(tag.dataset.wasmJs);
await init({ module_or_path: tag.dataset.wasm });

// Offline once loaded: the service worker keeps what the app fetched (assets/sw.js).
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  navigator.serviceWorker.register("/sw.js").catch((error) => console.warn("Offline use is not available:", error));
}
