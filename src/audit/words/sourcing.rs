//! Sourcing (DESIGN §12) in words: the over-provisioning in the essay's terms, the
//! break-even, the right-sized GPUs and the price-shock headroom.

use super::defensibility::model;
use super::rounding::{money_down, percent_down, times_down};
use crate::audit::format::{count, money, upper_first};
use crate::audit::model::{Alternative, Compute, Gpu, Headroom, SourcingResult};
use crate::audit::schema::{Field, GPU_FIELDS};
use crate::audit::sourcing::{BREAK_EVEN_MAX_VOLUME, RIGHT_SIZED_UTILIZATION};

/// "Capacity is 3.5× the work: 250% more than needed." (rounded down, so it never says
/// more idle capacity than there is); None when paid per use.
pub fn over_provisioning_words(over: Option<f64>) -> Option<String> {
    let x = over?;
    Some(if x > 1.0 {
        format!(
            "Capacity is {} the work: {} more than needed.",
            times_down(x),
            percent_down(x - 1.0)
        )
    } else if x == 1.0 {
        "Capacity is exactly the work: nothing idle, no room for a peak.".to_string()
    } else {
        format!(
            "Capacity is {} the work: it serves {} of it.",
            times_down(x),
            percent_down(x)
        )
    })
}

/// Each option in one clause, the pilot's own first, as the paper prints the section's
/// table: "An open model the buyer hosts: $90,000 a month, $0.18 per successful task; a
/// third-party API: $12,000 a month, $0.02 per successful task."
pub fn options_words(s: &SourcingResult, currency: &str) -> String {
    // The capacity is said once, by the over-provisioning that follows.
    let clauses: Vec<String> = s
        .options
        .iter()
        .map(|o| {
            let per_task = o.cost_per_task.map_or_else(
                || "no task succeeds".to_string(),
                |c| format!("{} per successful task", money(c, currency)),
            );
            format!(
                "{}: {} a month, {per_task}",
                model(o.sourcing),
                money(o.monthly_cost, currency)
            )
        })
        .collect();
    format!("{}.", upper_first(&clauses.join("; ")))
}

/// What the section finds, sentence by sentence: the over-provisioning, the break-even and
/// (with a GPU block of `gpus`) the right-sized count.
pub fn findings(s: &SourcingResult, gpus: Option<u32>, volume: f64, currency: &str) -> Vec<String> {
    [
        over_provisioning_words(s.over_provisioning),
        break_even_words(s, volume),
        gpus.and_then(|n| right_sized_words(s, n, currency)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The section on paper, one paragraph: each option, then the findings.
pub fn paper_words(s: &SourcingResult, gpus: Option<u32>, volume: f64, currency: &str) -> String {
    let mut sentences = vec![options_words(s, currency)];
    sentences.extend(findings(s, gpus, volume, currency));
    sentences.join(" ")
}

/// Which option costs less below and above the break-even volume, or at every volume.
pub fn break_even_words(s: &SourcingResult, volume: f64) -> Option<String> {
    let [first, second] = s.options.as_slice() else {
        return None;
    };
    let (cheaper, dearer) = if first.monthly_cost <= second.monthly_cost {
        (first, second)
    } else {
        (second, first)
    };
    let (cheaper, dearer) = (model(cheaper.sourcing), model(dearer.sourcing));
    // "Up to" a volume is a ceiling: rounded down.
    let up_to = |v: f64| count(v.floor());
    Some(match s.break_even_volume {
        Some(v) if volume < v => format!(
            "{} costs less up to {} tasks a month (today {}), {} beyond.",
            upper_first(cheaper),
            up_to(v),
            count(volume),
            dearer
        ),
        Some(v) => format!(
            "{} costs less up to {} tasks a month, {} beyond, as today ({}).",
            upper_first(dearer),
            up_to(v),
            cheaper,
            count(volume)
        ),
        None => format!(
            "{} costs no more at any volume up to {} tasks a month: the two never break even.",
            upper_first(cheaper),
            count(BREAK_EVEN_MAX_VOLUME)
        ),
    })
}

/// "3 GPUs serve today's volume at 80% utilization or less; the block has 10: 7 fewer save
/// $12,000 a month." None without a GPU block.
pub fn right_sized_words(s: &SourcingResult, gpus: u32, currency: &str) -> Option<String> {
    let (right, saving) = (s.right_sized_gpus?, s.right_sized_saving?);
    let lead = format!(
        "{} {} today's volume at {} utilization or less",
        count(f64::from(right)),
        if right == 1 {
            "GPU serves"
        } else {
            "GPUs serve"
        },
        percent_down(RIGHT_SIZED_UTILIZATION)
    );
    Some(match right.cmp(&gpus) {
        std::cmp::Ordering::Less => format!(
            "{lead}; the block has {}: {} fewer save {} a month.",
            count(f64::from(gpus)),
            count(f64::from(gpus - right)),
            money_down(saving, currency)
        ),
        std::cmp::Ordering::Equal => format!("{lead}: the block has just that."),
        std::cmp::Ordering::Greater => format!(
            "{lead}; the block has {}: it needs {} more, {} a month.",
            count(f64::from(gpus)),
            count(f64::from(right - gpus)),
            money_down(-saving, currency)
        ),
    })
}

/// "Token prices and the licence can rise 17% before this pilot loses money." (rounded
/// down: a ceiling).
pub fn price_shock_words(headroom: Option<Headroom>) -> String {
    match headroom {
        None => "It loses money at today's prices already, before any price rise.".to_string(),
        Some(Headroom::Unlimited(_)) => {
            "No token or licence price can make it lose money: it pays for neither.".to_string()
        }
        Some(Headroom::Factor(x)) => format!(
            "Token prices and the licence can rise {} together before this pilot loses money.",
            percent_down(x - 1.0)
        ),
    }
}

/// A GPU block's answers on one line, as the review and the appendix list them: "GPUs
/// (count) 16 · Cost per GPU-hour (USD an hour) 7.5 · …", the operations rate only when given.
pub fn gpu_block_line(g: &Gpu, currency: &str) -> String {
    GPU_FIELDS
        .iter()
        .filter(|spec| !spec.input_value(g).is_empty())
        .map(|spec| format!("{} {}", spec.label_with_unit(currency), spec.shown(g)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The GPU block and the other option as the review and the appendix list them: each with
/// its label, and its answers on one line when there is one.
pub fn sourcing_answers(c: &Compute, currency: &str) -> [(&'static str, Option<String>); 2] {
    [
        ("GPUs", c.gpu.as_ref().map(|g| gpu_block_line(g, currency))),
        (
            "The other option",
            c.alternative
                .as_ref()
                .map(|a| alternative_line(a, currency)),
        ),
    ]
}

/// The other option's answers on one line: an API's prices, or its GPUs.
pub fn alternative_line(a: &Alternative, currency: &str) -> String {
    match &a.gpu {
        Some(g) => format!("GPUs of its own: {}", gpu_block_line(g, currency)),
        None => {
            let price = |field: Field, value: f64| {
                let spec = field.spec();
                let shown = spec
                    .number_rule()
                    .map_or_else(|| value.to_string(), |r| r.shown(value));
                format!("{} {shown}", spec.label_with_unit(currency))
            };
            format!(
                "An API: {} · {}",
                price(Field::PricePerMillionInput, a.price_per_million_input),
                price(Field::PricePerMillionOutput, a.price_per_million_output)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_provisioning_reads_as_the_essay_says() {
        assert_eq!(
            over_provisioning_words(Some(3.5)).unwrap(),
            "Capacity is 3.5× the work: 250% more than needed."
        );
        assert_eq!(
            over_provisioning_words(Some(0.1)).unwrap(),
            "Capacity is 0.1× the work: it serves 10% of it."
        );
        assert_eq!(over_provisioning_words(None), None);
    }

    #[test]
    fn each_option_in_one_clause() {
        use crate::audit::model::{Sourcing, SourcingOption};
        let s = SourcingResult {
            options: vec![
                SourcingOption {
                    sourcing: Sourcing::SelfHostedOpenModel,
                    monthly_cost: 90_000.0,
                    cost_per_task: Some(0.18),
                    capacity: Some(499_904.0),
                    utilization: Some(0.040008),
                },
                SourcingOption {
                    sourcing: Sourcing::ThirdPartyApi,
                    monthly_cost: 12_000.0,
                    cost_per_task: None,
                    capacity: None,
                    utilization: None,
                },
            ],
            ..SourcingResult::default()
        };
        assert_eq!(
            options_words(&s, "USD"),
            format!(
                "{}: $90,000 a month, $0.18 per successful task; {}: $12,000 a month, no task succeeds.",
                upper_first(model(Sourcing::SelfHostedOpenModel)),
                model(Sourcing::ThirdPartyApi)
            )
        );
    }

    #[test]
    fn the_price_shock_is_a_ceiling() {
        assert_eq!(
            price_shock_words(Some(Headroom::Factor(1.17))),
            "Token prices and the licence can rise 17% together before this pilot loses money."
        );
        // 1.2499 is a rise of 24.99%: never "25%".
        assert!(price_shock_words(Some(Headroom::Factor(1.2499))).contains("rise 24.9"));
    }
}
