//! The compute step's sourcing inputs (DESIGN §12): the GPUs a hosted pilot runs on (its
//! capacity and reserved compute then derived from them and shown read-only), and the other
//! option — an API's prices for a hosted pilot, GPUs for an API or wrapper pilot. Every
//! input is described once in the schema (`GPU_FIELDS`), labelled, saved at once and
//! error-summarised like every other answer.

use super::entry_input::{change, entry_input, labelled_input, Control};
use super::form::FormState;
use crate::audit::path::{GpuBlock, Path};
use crate::audit::schema::{
    Field, NumberRule, ALTERNATIVE_PRICES, GPU_FIELDS, MONTHS_OF_LIFE_RULE, PURCHASE_PRICE_RULE,
};
use crate::audit::sourcing::{
    amortised_hourly_cost, gpu_capacity, gpu_monthly_cost, runs_on_own_gpus,
};
use crate::audit::{format, Alternative, Gpu, Pilot};
use crate::error::AppError;
use crate::ui::focus_by_id;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The first input of a block, its GPU count: focused when the block is added.
fn first_input(block: GpuBlock) -> String {
    Path::Gpu(block, GPU_FIELDS[0].name).input_id()
}

/// The error of a whole block (on the wrong side of the sourcing), always shown: it follows
/// from a choice already made. Its id is the block's, so the error summary's link lands on it.
fn block_error(form: FormState, block: GpuBlock) -> impl IntoView {
    let path = Path::Gpu(block, "");
    move || {
        let message = form
            .validation
            .with(|v| v.iter().find(|e| e.path == path).map(|e| e.message.clone()))?;
        Some(view! {
            <p class="field-error" id=path.input_id() tabindex="-1">
                <span class="visually-hidden">"Error: "</span>
                {format!("These GPUs {message}.")}
            </p>
        })
    }
}

/// The inputs of a GPU block, each written onto the block as stored at this moment.
fn block_inputs(form: FormState, block: GpuBlock) -> impl IntoView {
    let current = form
        .pilot
        .with_untracked(|p| block.of(&p.compute).cloned().unwrap_or_default());
    view! {
        <div class="batch__fields">
            {GPU_FIELDS.iter().enumerate().map(|(j, spec)| {
                entry_input(form, spec, Path::Gpu(block, spec.name), spec.input_value(&current),
                    move |p: &mut Pilot, text: &str| match block.of_mut(&mut p.compute) {
                        Some(g) => GPU_FIELDS[j].write(g, text),
                        None => Err(AppError::NotAValue("these GPUs were removed".to_string())),
                    })
            }).collect_view()}
        </div>
    }
}

/// A GPU block's inputs, the helper for a purchase and the button that removes it.
fn block_editor(
    form: FormState,
    block: GpuBlock,
    remove: fn(&mut Pilot),
    focus_after: &'static str,
) -> impl IntoView {
    let remove_it = move |_| {
        change(form, remove);
        form.entry_unparsed
            .update(|u| u.retain(|k, _| !matches!(k, Path::Gpu(b, _) if *b == block)));
        request_animation_frame(move || focus_by_id(focus_after));
    };
    view! {
        {block_inputs(form, block)}
        <Amortise form=form block=block/>
        <button class="button" type="button" data-testid=format!("remove-{}", block.key()) on:click=remove_it>
            "Remove these GPUs"
        </button>
    }
}

/// The GPUs a self-hosted or distilled pilot runs on. Shown for those sourcings, and for
/// any pilot that has a block (with the error that it is on the wrong side).
#[component]
pub fn GpuEditor(form: FormState) -> impl IntoView {
    // Redrawn only when the block comes or goes or the sourcing changes side: typing keeps
    // the inputs (and the caret in them).
    let shape = Memo::new(move |_| {
        form.pilot.with(|p| {
            (
                runs_on_own_gpus(p.compute.sourcing),
                p.compute.gpu.is_some(),
            )
        })
    });
    let add = move |_| {
        change(form, |p| p.compute.gpu = Some(Gpu::default()));
        request_animation_frame(|| focus_by_id(&first_input(GpuBlock::Own)));
    };
    move || {
        let (hosted, present) = shape.get();
        (hosted || present).then(|| view! {
            <section class="evidence-editor" aria-labelledby="gpus-title" data-testid="gpus">
                <h3 id="gpus-title">"GPUs"</h3>
                <p class="hint">"Describe the GPUs the model runs on, and its capacity and reserved compute below are worked out from them. Without them, give those two figures yourself."</p>
                {block_error(form, GpuBlock::Own)}
                {if present {
                    block_editor(form, GpuBlock::Own, |p| p.compute.gpu = None, "add-gpus").into_any()
                } else {
                    view! {
                        <button class="button" type="button" id="add-gpus" data-testid="add-gpus" on:click=add>"Describe the GPUs"</button>
                    }.into_any()
                }}
            </section>
        })
    }
}

/// The other option (DESIGN §12): for a hosted pilot an API's prices, on the pilot's own
/// token counts; for an API or wrapper pilot GPUs of its own.
#[component]
pub fn AlternativeEditor(form: FormState) -> impl IntoView {
    let shape = Memo::new(move |_| {
        form.pilot.with(|p| {
            let a = p.compute.alternative.as_ref();
            (
                runs_on_own_gpus(p.compute.sourcing),
                a.is_some(),
                a.is_some_and(|a| a.gpu.is_some()),
            )
        })
    });
    move || {
        let (hosted, present, with_gpus) = shape.get();
        let body = match (hosted, present) {
            (true, true) => view! {
                {api_prices(form)}
                {with_gpus.then(|| view! {
                    {block_error(form, GpuBlock::Alternative)}
                    {block_editor(form, GpuBlock::Alternative, |p| {
                        if let Some(a) = p.compute.alternative.as_mut() { a.gpu = None; }
                    }, "remove-alternative")}
                })}
                <button class="button" type="button" id="remove-alternative" data-testid="remove-alternative"
                    on:click=move |_| remove_alternative(form)>"Remove the other option"</button>
            }
            .into_any(),
            (true, false) => add_button(form, "Price an API instead", Alternative::default()).into_any(),
            (false, _) if with_gpus => view! {
                {block_editor(form, GpuBlock::Alternative, |p| p.compute.alternative = None, "add-alternative")}
                <p class="hint" data-testid="alternative-derived">{move || form.pilot.with(derived_words)}</p>
            }
            .into_any(),
            (false, _) => add_button(
                form,
                "Price GPUs of your own",
                Alternative { gpu: Some(Gpu::default()), ..Alternative::default() },
            )
            .into_any(),
        };
        let hint = if hosted {
            "What the same tasks would cost on an API instead: its prices, on this pilot's own token counts, failure rate and review."
        } else {
            "What the same tasks would cost on GPUs of your own instead, on the same failure rate and review."
        };
        view! {
            <section class="evidence-editor" aria-labelledby="alternative-title" data-testid="alternative">
                <h3 id="alternative-title">"The other option"</h3>
                <p class="hint">{hint}</p>
                {body}
            </section>
        }
    }
}

/// The button that adds the other option as `initial`, its first input then focused.
fn add_button(form: FormState, label: &'static str, initial: Alternative) -> impl IntoView {
    let focus = if initial.gpu.is_some() {
        first_input(GpuBlock::Alternative)
    } else {
        Path::alternative_price(ALTERNATIVE_PRICES[0]).input_id()
    };
    view! {
        <button class="button" type="button" id="add-alternative" data-testid="add-alternative" on:click=move |_| {
            let initial = initial.clone();
            change(form, move |p| p.compute.alternative = Some(initial));
            let focus = focus.clone();
            request_animation_frame(move || focus_by_id(&focus));
        }>{label}</button>
    }
}

/// Remove the other option and what was typed into it; focus goes to the button that adds it.
fn remove_alternative(form: FormState) {
    change(form, |p| p.compute.alternative = None);
    form.entry_unparsed
        .update(|u| u.retain(|k, _| !k.in_sourcing() || matches!(k, Path::Gpu(GpuBlock::Own, _))));
    request_animation_frame(|| focus_by_id("add-alternative"));
}

/// Where a price of the other option is kept.
type PriceAt = fn(&mut Alternative) -> &mut f64;

/// The API prices of the other option, each as the pilot's own price input allows.
fn api_prices(form: FormState) -> impl IntoView {
    let currency = form.pilot.with_untracked(|p| p.currency.clone());
    let current = form
        .pilot
        .with_untracked(|p| p.compute.alternative.clone().unwrap_or_default());
    let prices: [(Field, f64, PriceAt); 2] = [
        (
            Field::PricePerMillionInput,
            current.price_per_million_input,
            |a| &mut a.price_per_million_input,
        ),
        (
            Field::PricePerMillionOutput,
            current.price_per_million_output,
            |a| &mut a.price_per_million_output,
        ),
    ];
    view! {
        <div class="batch__fields">
            {prices.into_iter().filter_map(|(field, value, at)| {
                let spec = field.spec();
                let rule = spec.number_rule()?;
                Some(labelled_input(form, Path::alternative_price(field),
                    format!("API {}", format::lower_first(&spec.label_with_unit(&currency))),
                    "What the API would charge. Decimals with a point: 1.5.".to_string(),
                    Control::Number { integer: false }, rule.show(value),
                    move |p: &mut Pilot, text: &str| match p.compute.alternative.as_mut() {
                        Some(a) => {
                            *at(a) = rule.read(text)?;
                            Ok(())
                        }
                        None => Err(AppError::NotAValue("the other option was removed".to_string())),
                    }))
            }).collect_view()}
        </div>
    }
}

/// What the other option's GPUs give, in words: "These GPUs serve 292,000 tasks a month
/// and cost $12,345 a month."
fn derived_words(p: &Pilot) -> String {
    let s = p.sanitized();
    match GpuBlock::Alternative.of(&s.compute) {
        Some(g) => format!(
            "These GPUs serve {} tasks a month and cost {} a month, with their power and operations.",
            format::count(gpu_capacity(g).floor()),
            format::money(gpu_monthly_cost(g, s.task.hourly_cost), &p.currency)
        ),
        None => String::new(),
    }
}

/// A capacity or reserved compute the pilot's own GPUs give: shown read-only in place of
/// the plain input while they do.
#[component]
pub fn Derived(field: Field, form: FormState, children: ChildrenFn) -> impl IntoView {
    let from_gpus = Memo::new(move |_| {
        form.pilot
            .with(|p| runs_on_own_gpus(p.compute.sourcing) && p.compute.gpu.is_some())
    });
    let spec = field.spec();
    let currency = form.pilot.with_untracked(|p| p.currency.clone());
    move || {
        if !from_gpus.get() {
            return children().into_any();
        }
        let input_id = spec.input_id();
        let hint_id = format!("{input_id}-hint");
        let value = move || {
            form.pilot.with(|p| {
                form.validation
                    .with(|errors| crate::ui::format::derived_answer(field, p, errors))
                    .unwrap_or_default()
            })
        };
        view! {
            <div class="field field--derived" data-testid=format!("derived-{}", spec.path)>
                <label for=input_id.clone()>{spec.label_with_unit(&currency)}</label>
                <p class="hint" id=hint_id.clone()>"Worked out from the GPUs above, so it cannot be typed here."</p>
                <input type="text" id=input_id name=spec.path readonly=true prop:value=value aria-describedby=hint_id/>
            </div>
        }
        .into_any()
    }
}

/// The purchase helper (DESIGN §12): a GPU's price and months of life give its hourly cost,
/// price ÷ months ÷ 730, written into the block's hourly cost on request. What is typed
/// here is not kept in the pilot: only the hourly cost it gives is.
#[component]
fn Amortise(form: FormState, block: GpuBlock) -> impl IntoView {
    let currency = form.pilot.with_untracked(|p| p.currency.clone());
    let price = RwSignal::new(String::new());
    let months = RwSignal::new("36".to_string());
    let read = |rule: NumberRule, text: &str| -> Result<f64, String> {
        let value = rule.read(text).map_err(String::from)?;
        rule.check(value).map_or(Ok(value), Err)
    };
    let price_error = Memo::new(move |_| {
        price.with(|t| {
            (!t.trim().is_empty())
                .then(|| read(PURCHASE_PRICE_RULE, t).err())
                .flatten()
        })
    });
    let months_error = Memo::new(move |_| months.with(|t| read(MONTHS_OF_LIFE_RULE, t).err()));
    let hourly = Memo::new(move |_| {
        let p = read(PURCHASE_PRICE_RULE, &price.get()).ok()?;
        let m = read(MONTHS_OF_LIFE_RULE, &months.get()).ok()?;
        amortised_hourly_cost(p, m)
    });
    let id = format!("{}-amortise", Path::Gpu(block, "").input_id());
    let price_id = format!("{id}-price");
    let months_id = format!("{id}-months");
    let hourly_cost = Path::Gpu(block, GPU_FIELDS[1].name).input_id();
    let shown = {
        let currency = currency.clone();
        move || match hourly.get() {
            Some(h) => format!(
                "{} an hour: the price ÷ the months ÷ 730 hours.",
                format::money(h, &currency)
            ),
            None => "Give the price and the months to see the hourly cost.".to_string(),
        }
    };
    let use_it = move |_| {
        let Some(h) = hourly.get_untracked() else {
            return;
        };
        change(form, |p| {
            if let Some(g) = block.of_mut(&mut p.compute) {
                g.hourly_cost = h;
            }
        });
        form.entry_unparsed.update(|u| {
            u.remove(&Path::Gpu(block, GPU_FIELDS[1].name));
        });
        // The input shows what is now stored (its value is not redrawn from the pilot).
        let shown = form
            .pilot
            .with_untracked(|p| block.of(&p.compute).map(|g| GPU_FIELDS[1].input_value(g)));
        let input = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&hourly_cost))
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let (Some(input), Some(shown)) = (input, shown) {
            input.set_value(&shown);
        }
        focus_by_id(&hourly_cost);
    };
    let field = move |input_id: String,
                      label: String,
                      hint: &'static str,
                      text: RwSignal<String>,
                      error: Memo<Option<String>>| {
        let hint_id = format!("{input_id}-hint");
        let error_id = format!("{input_id}-error");
        let described = {
            let (h, e) = (hint_id.clone(), error_id.clone());
            move || {
                if error.get().is_some() {
                    format!("{h} {e}")
                } else {
                    h.clone()
                }
            }
        };
        view! {
            <div class=move || if error.get().is_some() { "field field--error" } else { "field" }>
                <label for=input_id.clone()>{label}</label>
                <p class="hint" id=hint_id>{hint}</p>
                {move || error.get().map(|m| view! {
                    <p class="field-error" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
                })}
                <input type="text" id=input_id inputmode="decimal" autocomplete="off" prop:value=move || text.get()
                    aria-describedby=described aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    on:input=move |ev| text.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <details class="amortise" data-testid="amortise">
            <summary>"Bought, not rented? Work out the hourly cost"</summary>
            <div class="batch__fields">
                {field(price_id, format!("Purchase price per GPU ({currency})"), "What one GPU cost, with its share of the server.", price, price_error)}
                {field(months_id, "Months of life (months)".to_string(), "How long it will be used: 36 is usual.", months, months_error)}
            </div>
            <p aria-live="polite" data-testid="amortised">{shown}</p>
            <button class="button" type="button" disabled=move || hourly.get().is_none() on:click=use_it>"Use this hourly cost"</button>
        </details>
    }
}
