// Pilot Audit's service worker: the app keeps working with the network cut.
// Network first, so that a new release is used as soon as it can be fetched; every
// same-origin GET that succeeds is kept in the cache, and served from there when offline.
// Page navigations all get the app's index.html (a single-page app). Each view has a wasm
// of its own: all of them are kept at install, so that every view opens offline, not only
// those seen online. Bump VERSION when the cache's layout changes: activating a new version
// deletes every older cache.
const VERSION = "pilot-audit-cache-v1";
const SHELL = "/";
// The views' files under their build's URLs (`?v=`), written in by tools/finish-build.mjs;
// a new release is a new sw.js, installed beside the old one.
const VIEWS = [];

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(
    (async () => {
      // Everything fetched before anything is written: a release that cannot be fetched
      // whole leaves the cache as the last one left it.
      const urls = [SHELL, ...VIEWS];
      const responses = await Promise.all(urls.map((url) => fetch(url)));
      const failed = urls.filter((_, i) => !responses[i].ok);
      if (failed.length) throw new Error(`not fetched: ${failed.join(", ")}`);
      const cache = await caches.open(VERSION);
      await Promise.all(urls.map((url, i) => cache.put(url, responses[i])));
      // An older release's views and snippets, under names or `?v=` this one no longer has.
      const now = new Set(urls.map((url) => new URL(url, self.location.origin).href));
      for (const old of await cache.keys()) {
        const path = new URL(old.url).pathname;
        if ((path.startsWith("/view-") || path.startsWith("/snippets/")) && !now.has(old.url)) await cache.delete(old);
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== VERSION).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// Keep a response. The chart files are asked for as `?v=<build>`: a new build's copy
// replaces the older ones instead of piling up beside them.
async function keep(cache, key, response) {
  await cache.put(key, response);
  const url = new URL(typeof key === "string" ? key : key.url, self.location.origin);
  if (!url.searchParams.has("v")) return;
  for (const old of await cache.keys()) {
    const was = new URL(old.url);
    if (was.pathname === url.pathname && was.search !== url.search) await cache.delete(old);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const key = request.mode === "navigate" ? SHELL : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(VERSION).then((cache) => keep(cache, key, copy)));
        }
        return response;
      })
      .catch(() => caches.match(key).then((cached) => cached || Response.error())),
  );
});
