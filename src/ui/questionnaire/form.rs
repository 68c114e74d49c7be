//! What the parts of the questionnaire's form share: the pilot being edited, what was typed
//! that is not a value, what was touched, and the errors of a step in the order they show.

use crate::audit::path::Path;
use crate::audit::schema::{Field, RangeEnd};
use crate::audit::{FieldError, Pilot};
use crate::ui::steps::{self, STEPS};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// What the parts of the form share.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The pilot being edited; every change is saved.
    pub pilot: RwSignal<Pilot>,
    /// Text typed that is not a value at all, by field, with the reason.
    pub unparsed: RwSignal<HashMap<Field, String>>,
    /// Fields the person has changed: their errors show at once.
    pub touched: RwSignal<HashSet<Field>>,
    /// Set when Next was pressed with errors: all errors of the step show.
    pub show_all: RwSignal<bool>,
    /// Text typed into an entry's input (a batch, the plan, a range) that is not a value,
    /// by path.
    pub entry_unparsed: RwSignal<HashMap<Path, String>>,
    /// Entry inputs the person has changed, by path.
    pub entry_touched: RwSignal<HashSet<Path>>,
    /// Range errors from `Pilot::validate`.
    pub validation: Memo<Vec<FieldError>>,
    /// The current step, 1-based.
    pub step: Memo<usize>,
}

impl FormState {
    /// The message to show for `field`, if any and if it is time to show it.
    pub fn message(&self, field: Field) -> Option<String> {
        let visible = self.show_all.get() || self.touched.with(|t| t.contains(&field));
        if !visible {
            return None;
        }
        self.problem(field)
    }

    /// Why `field` is not a value, or what validation says of it.
    fn problem(&self, field: Field) -> Option<String> {
        if let Some(reason) = self.unparsed.with(|u| u.get(&field).cloned()) {
            return Some(reason);
        }
        let path = Path::Field(field);
        self.validation.with(|errors| {
            errors
                .iter()
                .find(|e| e.path == path)
                .map(|e| e.message.clone())
        })
    }

    /// The message for an entry's input (`reliability.batches[3].failures`, an input of
    /// the plan in force, an end of a range), if it is time to show it.
    pub fn entry_message(&self, path: &Path) -> Option<String> {
        let visible = self.show_all.get() || self.entry_touched.with(|t| t.contains(path));
        if !visible {
            return None;
        }
        if let Some(reason) = self.entry_unparsed.with(|u| u.get(path).cloned()) {
            return Some(reason);
        }
        let path = path.in_force(self.pilot.with(|p| p.reliability.plans.len()));
        self.validation.with(|errors| {
            errors
                .iter()
                .find(|e| e.path == path)
                .map(|e| e.message.clone())
        })
    }

    /// Errors of the current step, in field order, then the evidence log's and the plan's.
    pub fn step_errors(&self) -> Vec<StepError> {
        let (_, fields) = STEPS[self.step.get() - 1];
        let currency = self.pilot.with(|p| p.currency.clone());
        let mut errors: Vec<StepError> = Vec::new();
        for &f in fields {
            let spec = f.spec();
            if let Some(message) = self.problem(f) {
                errors.push(StepError {
                    input_id: spec.input_id(),
                    label: spec.label_with_unit(&currency),
                    message,
                });
            }
            // The ends of its range, if it has one.
            for end in RangeEnd::BOTH.iter().filter(|_| spec.takes_range()) {
                let path = Path::Range(f, *end);
                let message = self
                    .entry_unparsed
                    .with(|u| u.get(&path).cloned())
                    .or_else(|| {
                        self.validation
                            .with(|v| v.iter().find(|e| e.path == path).map(|e| e.message.clone()))
                    });
                if let Some(message) = message {
                    errors.push(StepError {
                        input_id: path.input_id(),
                        label: format!("{}, {}", spec.label, end.label().to_ascii_lowercase()),
                        message,
                    });
                }
            }
        }
        if fields.contains(&steps::LOG_AFTER) {
            let last_plan = self
                .pilot
                .with(|p| p.reliability.plans.len().saturating_sub(1));
            errors.extend(self.entry_errors(
                |path| match path {
                    Path::Batches | Path::Batch(..) => Some(path.clone()),
                    Path::Plan(i, name) if *i == last_plan => Some(Path::PlanInForce(name)),
                    _ => None,
                },
                |path| path.in_log() || path.in_plans(),
            ));
        }
        if fields.contains(&steps::GPUS_AFTER) {
            errors.extend(self.entry_errors(
                |path| path.in_sourcing().then(|| path.clone()),
                Path::in_sourcing,
            ));
        }
        errors
    }

    /// The errors of entries (the evidence log's and the plan in force's, the GPU blocks'),
    /// what was typed that is not a value first: `shown` gives the path a validation error
    /// shows at on the form, or None for another part's; `typed` picks what was typed into
    /// this part's inputs. Errors of a whole list or block go to its heading.
    fn entry_errors(
        &self,
        shown: impl Fn(&Path) -> Option<Path>,
        typed: impl Fn(&Path) -> bool,
    ) -> Vec<StepError> {
        let mut entries: Vec<(Path, String)> = self.validation.with(|v| {
            v.iter()
                .filter_map(|e| Some((shown(&e.path)?, e.message.clone())))
                .collect()
        });
        self.entry_unparsed.with(|u| {
            for (path, reason) in u.iter().filter(|(p, _)| typed(p)) {
                match entries.iter_mut().find(|(p, _)| p == path) {
                    Some(entry) => entry.1 = reason.clone(),
                    None => entries.push((path.clone(), reason.clone())),
                }
            }
        });
        self.pilot.with(|p| {
            entries
                .into_iter()
                .map(|(path, message)| StepError {
                    input_id: path.input_id(),
                    label: path.entry_label(p).unwrap_or_else(|| path.to_string()),
                    message,
                })
                .collect()
        })
    }
}

/// One problem on a step: the input it is about, its label, what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct StepError {
    /// The element id to focus.
    pub input_id: String,
    /// What people call the input.
    pub label: String,
    /// What is wrong.
    pub message: String,
}
impl FormState {
    /// The form of `pilot` at `step`, nothing typed or touched yet.
    pub fn new(pilot: Pilot, step: Memo<usize>) -> FormState {
        let pilot = RwSignal::new(pilot);
        FormState {
            pilot,
            unparsed: RwSignal::new(HashMap::new()),
            touched: RwSignal::new(HashSet::new()),
            entry_unparsed: RwSignal::new(HashMap::new()),
            entry_touched: RwSignal::new(HashSet::new()),
            show_all: RwSignal::new(false),
            validation: Memo::new(move |_| pilot.with(|p| p.validate().err().unwrap_or_default())),
            step,
        }
    }
}
