//! Where an answer lives in a pilot (DESIGN §2, §6): built once, where the answer is read or
//! checked, and used as it is by validation, import errors, the form's error links and the
//! review step. Written out (`Display`) it is the answer's path in the file format,
//! `reliability.batches[3].failures`; it is never parsed back.

use super::model::{Compute, Gpu, Pilot};
use super::schema::{Field, RangeEnd, BATCH_FIELDS, GPU_FIELDS, PLAN_FIELDS};
use std::fmt;

/// The location of one answer, or of a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Path {
    /// The whole value: what is wrong is not about one answer.
    Whole,
    /// One input of the schema: `task.monthly_volume`.
    Field(Field),
    /// One end of an input's range: `ranges.task.monthly_volume.low`.
    Range(Field, RangeEnd),
    /// A range given for a key that takes none: `ranges.task.name`.
    NoRange(String),
    /// The evidence log as a whole: `reliability.batches`.
    Batches,
    /// One input of a batch, by its index and its name in [`BATCH_FIELDS`]:
    /// `reliability.batches[3].failures`.
    Batch(usize, &'static str),
    /// The test plans as a whole: `reliability.plans`.
    Plans,
    /// One input of a plan, by its index and its name in [`PLAN_FIELDS`]:
    /// `reliability.plans[2].target`.
    Plan(usize, &'static str),
    /// One input of the plan in force, as the form shows it: its index changes when a
    /// revision starts a new plan, its input does not (it keeps focus and what is typed).
    /// [`Path::in_force`] names it by index.
    PlanInForce(&'static str),
    /// A key of file version 1 under `reliability` (DESIGN §9): `reliability.evidence`.
    Legacy(&'static str),
    /// One input of a GPU block (DESIGN §12) by its name in [`GPU_FIELDS`], or the block itself with the name "": `compute.gpu.pue`,
    /// `compute.alternative.gpu`.
    Gpu(GpuBlock, &'static str),
    /// One input of the other option (DESIGN §12): `compute.alternative.price_per_million_input`.
    Alternative(&'static str),
}

/// Which GPU block: the pilot's own, or the other option's (DESIGN §12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GpuBlock {
    /// `compute.gpu`.
    Own,
    /// `compute.alternative.gpu`.
    Alternative,
}

impl GpuBlock {
    /// Its key in the file.
    pub fn key(self) -> &'static str {
        match self {
            GpuBlock::Own => "compute.gpu",
            GpuBlock::Alternative => "compute.alternative.gpu",
        }
    }

    /// The block in `compute`, when there is one.
    pub fn of(self, compute: &Compute) -> Option<&Gpu> {
        match self {
            GpuBlock::Own => compute.gpu.as_ref(),
            GpuBlock::Alternative => compute.alternative.as_ref()?.gpu.as_ref(),
        }
    }

    /// The block in `compute` to change, when there is one.
    pub fn of_mut(self, compute: &mut Compute) -> Option<&mut Gpu> {
        match self {
            GpuBlock::Own => compute.gpu.as_mut(),
            GpuBlock::Alternative => compute.alternative.as_mut()?.gpu.as_mut(),
        }
    }
}

impl Path {
    /// The input this path is about, when it is one of the schema's.
    pub fn field(&self) -> Option<Field> {
        match self {
            Path::Field(f) => Some(*f),
            _ => None,
        }
    }

    /// True for a location in the evidence log (a batch, or the log as a whole).
    pub fn in_log(&self) -> bool {
        matches!(self, Path::Batches | Path::Batch(..))
    }

    /// The other option's API price that is answered as `field`, one of the pilot's own
    /// price inputs: `compute.alternative.price_per_million_input`.
    pub fn alternative_price(field: Field) -> Path {
        Path::Alternative(field.spec().path.trim_start_matches("compute."))
    }

    /// True for a location in a GPU block or the other option (DESIGN §12).
    pub fn in_sourcing(&self) -> bool {
        matches!(self, Path::Gpu(..) | Path::Alternative(_))
    }

    /// True for a location in the test plans.
    pub fn in_plans(&self) -> bool {
        matches!(self, Path::Plans | Path::Plan(..) | Path::PlanInForce(_))
    }

    /// The key of a list of entries under `reliability` in the file: `batches` for the log,
    /// `plans` for the plans; None for any other path.
    pub fn list_key(&self) -> Option<&'static str> {
        match self {
            Path::Batches | Path::Batch(..) => Some("batches"),
            Path::Plans | Path::Plan(..) | Path::PlanInForce(_) => Some("plans"),
            _ => None,
        }
    }

    /// The plan in force's input named by index, given how many plans there are (the last
    /// one is in force); any other path as it is.
    pub fn in_force(&self, plans: usize) -> Path {
        match self {
            Path::PlanInForce(name) => Path::Plan(plans.saturating_sub(1), name),
            other => other.clone(),
        }
    }

    /// The element id of its input on the form: `f-task-monthly_volume`,
    /// `f-reliability-batches-3-failures`, `f-ranges-task-monthly_volume-low`.
    pub fn input_id(&self) -> String {
        let mut id = String::from("f-");
        for c in self.to_string().chars() {
            match c {
                '.' | '[' => id.push('-'),
                ']' => {}
                c => id.push(c),
            }
        }
        id
    }

    /// What people call an entry's input of `pilot`: "Batch 4 (2026-03-01): Failures
    /// (count)", "Test plan: Target (%)"; None for any other path.
    pub fn entry_label(&self, pilot: &Pilot) -> Option<String> {
        match self {
            Path::Batch(i, name) => {
                let spec = BATCH_FIELDS.iter().find(|s| s.name == *name)?;
                let date = pilot
                    .reliability
                    .batches
                    .get(*i)
                    .map(|b| b.date.as_str())
                    .filter(|d| !d.is_empty())
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                Some(format!(
                    "Batch {}{date}: {}",
                    i + 1,
                    spec.label_with_unit(&pilot.currency)
                ))
            }
            Path::Plan(_, name) | Path::PlanInForce(name) => {
                let spec = PLAN_FIELDS.iter().find(|s| s.name == *name)?;
                Some(format!(
                    "Test plan: {}",
                    spec.label_with_unit(&pilot.currency)
                ))
            }
            Path::Gpu(block, name) => {
                let whose = match block {
                    GpuBlock::Own => "GPUs",
                    GpuBlock::Alternative => "The other option's GPUs",
                };
                if name.is_empty() {
                    return Some(whose.to_string());
                }
                let spec = GPU_FIELDS.iter().find(|s| s.name == *name)?;
                Some(format!(
                    "{whose}: {}",
                    spec.label_with_unit(&pilot.currency)
                ))
            }
            Path::Alternative(name) => {
                let field = Field::at(&format!("compute.{name}"))?;
                Some(format!(
                    "The other option: {}",
                    field.spec().label_with_unit(&pilot.currency)
                ))
            }
            _ => None,
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Whole => Ok(()),
            Path::Field(field) => f.write_str(field.spec().path),
            Path::Range(field, end) => write!(f, "ranges.{}.{}", field.spec().path, end.name()),
            Path::NoRange(key) => write!(f, "ranges.{key}"),
            Path::Batches => f.write_str("reliability.batches"),
            Path::Batch(i, name) => write!(f, "reliability.batches[{i}].{name}"),
            Path::Plans => f.write_str("reliability.plans"),
            Path::Plan(i, name) => write!(f, "reliability.plans[{i}].{name}"),
            Path::PlanInForce(name) => write!(f, "reliability.plans[in_force].{name}"),
            Path::Legacy(key) => write!(f, "reliability.{key}"),
            Path::Gpu(block, "") => f.write_str(block.key()),
            Path::Gpu(block, name) => write!(f, "{}.{name}", block.key()),
            Path::Alternative(name) => write!(f, "compute.alternative.{name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_out_as_the_file_format_names_the_answer() {
        let cases = [
            (Path::Whole, "", "f-"),
            (
                Path::Field(Field::MonthlyVolume),
                "task.monthly_volume",
                "f-task-monthly_volume",
            ),
            (
                Path::Range(Field::MonthlyVolume, RangeEnd::Low),
                "ranges.task.monthly_volume.low",
                "f-ranges-task-monthly_volume-low",
            ),
            (
                Path::NoRange("task.name".into()),
                "ranges.task.name",
                "f-ranges-task-name",
            ),
            (
                Path::Batch(3, "failures"),
                "reliability.batches[3].failures",
                "f-reliability-batches-3-failures",
            ),
            (
                Path::Batches,
                "reliability.batches",
                "f-reliability-batches",
            ),
            (
                Path::Plan(2, "target"),
                "reliability.plans[2].target",
                "f-reliability-plans-2-target",
            ),
            (
                Path::PlanInForce("allowed_failures"),
                "reliability.plans[in_force].allowed_failures",
                "f-reliability-plans-in_force-allowed_failures",
            ),
            (
                Path::Legacy("evidence"),
                "reliability.evidence",
                "f-reliability-evidence",
            ),
            (
                Path::Gpu(GpuBlock::Alternative, "pue"),
                "compute.alternative.gpu.pue",
                "f-compute-alternative-gpu-pue",
            ),
            (Path::Gpu(GpuBlock::Own, ""), "compute.gpu", "f-compute-gpu"),
            (
                Path::Alternative("price_per_million_input"),
                "compute.alternative.price_per_million_input",
                "f-compute-alternative-price_per_million_input",
            ),
        ];
        for (path, written, id) in cases {
            assert_eq!(path.to_string(), written);
            assert_eq!(path.input_id(), id);
        }
        // A schema input's id is the form's own.
        for field in Field::ALL {
            assert_eq!(Path::Field(*field).input_id(), field.spec().input_id());
        }
    }

    #[test]
    fn lists_are_keyed_as_in_the_file() {
        assert_eq!(Path::Batch(2, "cases").list_key(), Some("batches"));
        assert_eq!(Path::Batches.list_key(), Some("batches"));
        assert_eq!(Path::Plans.list_key(), Some("plans"));
        assert_eq!(Path::PlanInForce("target").list_key(), Some("plans"));
        assert_eq!(Path::Field(Field::MonthlyVolume).list_key(), None);
    }

    #[test]
    fn the_plan_in_force_is_the_last_plan() {
        let p = Path::PlanInForce("target");
        assert_eq!(p.in_force(3), Path::Plan(2, "target"));
        assert_eq!(p.in_force(0), Path::Plan(0, "target"));
        assert_eq!(Path::Batch(1, "cases").in_force(3), Path::Batch(1, "cases"));
    }

    #[test]
    fn entries_are_labelled_by_their_schema_and_date() {
        let mut dated = Pilot::default();
        for day in ["", "2026-02-01", "", "2026-03-01"] {
            dated.reliability.batches.push(crate::audit::Batch {
                date: day.to_string(),
                ..Default::default()
            });
        }
        let dated = &dated;
        assert_eq!(
            Path::Batch(3, "failures").entry_label(dated).as_deref(),
            Some("Batch 4 (2026-03-01): Failures (count)")
        );
        assert_eq!(
            Path::Batch(0, "cases").entry_label(dated).as_deref(),
            Some("Batch 1: Cases (count)")
        );
        assert_eq!(
            Path::PlanInForce("target").entry_label(dated).as_deref(),
            Some("Test plan: Target (%)")
        );
        assert_eq!(Path::Batches.entry_label(dated), None);
        assert_eq!(Path::Field(Field::MonthlyVolume).entry_label(dated), None);
    }
}
