//! A small binding to ECharts: `init` with the SVG renderer (sharp on paper), `setOption`,
//! `resize`, `dispose`. charming's own `WasmRenderer` draws to canvas and cannot dispose.
//!
//! ECharts is not part of the first load: [`load`] adds a `<script>` for the copy Trunk
//! placed beside the app (from the npm package) the first time a chart is shown. The chart
//! module that turns a [`ChartRequest`] into an ECharts option (`src/bin/charts.rs`) is
//! loaded at the same moment ([`chart_option`]).

use super::request::ChartRequest;
use crate::error::AppError;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the ECharts build is served from: our own origin, never a CDN.
pub const ECHARTS_URL: &str = "/echarts.pilot-audit.min.js";

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance bound to one element.
    pub type EChartsInstance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn echarts_init(
        element: &web_sys::HtmlElement,
        theme: &JsValue,
        options: &JsValue,
    ) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(method, catch, js_name = setOption)]
    fn set_option(this: &EChartsInstance, option: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn resize(this: &EChartsInstance);

    #[wasm_bindgen(method)]
    fn dispose(this: &EChartsInstance);
}

/// The chart module's JavaScript and wasm, beside the app (Trunk names them after the bin).
pub const CHART_MODULE_JS: &str = "/charts.js";
/// See [`CHART_MODULE_JS`].
pub const CHART_MODULE_WASM: &str = "/charts_bg.wasm";

#[wasm_bindgen(inline_js = "let loading = null;
let attempts = 0;
export function load_chart_module(js, wasm) {
  if (!loading) {
    attempts += 1;
    // After a failure, ask for new URLs: the browser remembers a failed import by its URL.
    const url = (u) => attempts === 1 ? u : `${u}${u.includes('?') ? '&' : '?'}retry=${attempts}`;
    loading = import(url(js)).then(async (m) => { await m.default({ module_or_path: url(wasm) }); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}")]
extern "C" {
    /// Import and start the chart module once; resolves to its exports.
    fn load_chart_module(js: &str, wasm: &str) -> js_sys::Promise;
}

/// `?v=<build of the chart files>` (index.html's `pilot-audit-charts`, stamped by
/// tools/finish-build.mjs), so that a release never meets an older chart module or
/// ECharts from a cache; empty where the page has no stamp (the browser tests).
fn release_tag() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=pilot-audit-charts]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|tag| tag.bytes().all(|b| b.is_ascii_hexdigit()) && !tag.is_empty())
        .map(|tag| format!("?v={tag}"))
        .unwrap_or_default()
}

/// Start loading the chart module (if it is not loading already); await the result later.
pub fn start_chart_module() -> js_sys::Promise {
    let tag = release_tag();
    load_chart_module(
        &format!("{CHART_MODULE_JS}{tag}"),
        &format!("{CHART_MODULE_WASM}{tag}"),
    )
}

/// An error of the chart module or library, in words.
fn chart(message: impl Into<String>) -> AppError {
    AppError::Chart(message.into())
}

/// Call `name` of the chart module with one JSON argument; its JSON answer, or why not.
async fn call_module(
    loading: js_sys::Promise,
    name: &str,
    argument: &str,
) -> Result<String, AppError> {
    let module = JsFuture::from(loading)
        .await
        .map_err(|_| chart("the chart module could not be loaded"))?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| chart(format!("the chart module has no {name}")))?;
    let answer = function
        .call1(&JsValue::NULL, &JsValue::from_str(argument))
        .map_err(|e| {
            chart(
                e.as_string()
                    .unwrap_or_else(|| "the chart module failed".into()),
            )
        })?;
    answer
        .as_string()
        .ok_or_else(|| chart(format!("the chart module's {name} gave no answer")))
}

/// The ECharts option for `request`, built by the chart module.
pub async fn chart_option(
    loading: js_sys::Promise,
    request: &ChartRequest,
) -> Result<JsValue, AppError> {
    let request = serde_json::to_string(request)?;
    let option = call_module(loading, "chart_option", &request).await?;
    js_sys::JSON::parse(&option).map_err(|_| chart("chart option is not JSON"))
}

/// The Monte Carlo economics of `pilot` (DESIGN §10), drawn in the chart module (the app's
/// own wasm holds no sampler); None without the buyer's own evidence.
pub async fn simulation(
    pilot: &crate::audit::Pilot,
) -> Result<Option<crate::audit::simulation::Simulation>, AppError> {
    let pilot = serde_json::to_string(pilot)?;
    let answer = call_module(start_chart_module(), "simulation", &pilot).await?;
    serde_json::from_str(&answer)
        .map_err(|e| chart(format!("the simulation's answer is not readable ({e})")))
}

thread_local! {
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

fn echarts_present() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("echarts")).unwrap_or(false)
}

fn script_promise() -> Result<js_sys::Promise, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let script: web_sys::HtmlScriptElement = document.create_element("script")?.unchecked_into();
    script.set_src(&format!("{ECHARTS_URL}{}", release_tag()));
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .head()
        .ok_or_else(|| JsValue::from_str("no <head>"))?
        .append_child(&script)?;
    Ok(promise)
}

/// Load ECharts once; later calls wait for the same script.
pub async fn load() -> Result<(), AppError> {
    if echarts_present() {
        return Ok(());
    }
    let promise = LOADING.with(|cell| -> Result<js_sys::Promise, JsValue> {
        let mut slot = cell.borrow_mut();
        if let Some(existing) = slot.as_ref() {
            return Ok(existing.clone());
        }
        let created = script_promise()?;
        *slot = Some(created.clone());
        Ok(created)
    });
    let outcome = match promise {
        Ok(p) => JsFuture::from(p).await.map(|_| ()),
        Err(e) => Err(e),
    };
    if outcome.is_err() {
        // Let a later chart try again.
        LOADING.with(|cell| cell.borrow_mut().take());
    }
    match outcome {
        Ok(()) if echarts_present() => Ok(()),
        Ok(()) => Err(chart("the chart library loaded but did not start")),
        Err(_) => Err(chart(format!(
            "the chart library could not be loaded from {ECHARTS_URL}"
        ))),
    }
}

/// A chart drawn into one element; dispose it when the element goes away.
pub struct RenderedChart(EChartsInstance);

impl RenderedChart {
    /// Redraw at the element's current size.
    pub fn resize(&self) {
        self.0.resize();
    }

    /// Free the chart.
    pub fn dispose(self) {
        self.0.dispose();
    }
}

/// Draw the option into `element` with the SVG renderer. ECharts must be loaded ([`load`]).
pub fn render(element: &web_sys::HtmlElement, option: &JsValue) -> Result<RenderedChart, AppError> {
    render_sized(element, option, None)
}

/// Draw the option at `width` × `height` CSS pixels whatever the element's size (it may be
/// hidden); the SVG then scales to the element's box. This is the paper copy of a chart:
/// drawn at about the printed box's size, its text prints at a readable size, where the
/// screen drawing shrunk onto paper printed it with word boxes 3.9 pt high. (Redrawing the
/// screen copy when printing starts does not work: Chromium prints an SVG whose viewBox
/// changed in `beforeprint` with its old scale, cut off.)
pub fn render_at(
    element: &web_sys::HtmlElement,
    option: &JsValue,
    (width, height): (u32, u32),
) -> Result<RenderedChart, AppError> {
    render_sized(element, option, Some((width, height)))
}

fn render_sized(
    element: &web_sys::HtmlElement,
    option: &JsValue,
    size: Option<(u32, u32)>,
) -> Result<RenderedChart, AppError> {
    let init_options = js_sys::Object::new();
    let mut settings = vec![("renderer", JsValue::from_str("svg"))];
    if let Some((width, height)) = size {
        settings.push(("width", width.into()));
        settings.push(("height", height.into()));
    }
    for (key, value) in settings {
        js_sys::Reflect::set(&init_options, &key.into(), &value)
            .map_err(|_| chart("cannot build init options"))?;
    }
    let instance = echarts_init(element, &JsValue::NULL, &init_options)
        .map_err(|_| chart("the chart library is not loaded"))?;
    instance
        .set_option(option)
        .map_err(|_| chart("the chart library refused the chart"))?;
    make_scalable(element);
    Ok(RenderedChart(instance))
}

/// Give the drawn SVG a viewBox and let it fill its box, so that the print stylesheet can
/// set another size and the chart scales as a vector instead of being cut off.
fn make_scalable(element: &web_sys::HtmlElement) {
    let Ok(Some(svg)) = element.query_selector("svg") else {
        return;
    };
    let (Some(width), Some(height)) = (svg.get_attribute("width"), svg.get_attribute("height"))
    else {
        return;
    };
    let _ = svg.set_attribute("viewBox", &format!("0 0 {width} {height}"));
    let _ = svg.set_attribute("preserveAspectRatio", "xMidYMid meet");
    let _ = svg.set_attribute("width", "100%");
    let _ = svg.set_attribute("height", "100%");
}
