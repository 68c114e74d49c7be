//! The list of steps: progress shown, every step a link.

use crate::ui::router::NavLink;
use crate::ui::routes;
use crate::ui::steps::{STEPS, STEP_COUNT};
use leptos::prelude::*;

/// Steps as links; the current one is marked by `NavLink` (`aria-current="page"`).
#[component]
pub fn StepNav(id: String, step: Memo<usize>) -> impl IntoView {
    view! {
        <nav class="steps" aria-label="Questionnaire steps">
            <p class="steps__progress">{move || format!("Step {} of {STEP_COUNT}", step.get())}</p>
            <ol>
                {STEPS.iter().enumerate().map(|(i, (title, _))| {
                    let n = i + 1;
                    let done = move || if n < step.get() { "steps__item steps__item--done" } else { "steps__item" };
                    view! {
                        <li class=done>
                            <NavLink href=routes::edit(&id, n)>{format!("{n}. {title}")}</NavLink>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}
