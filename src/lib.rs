//! Pilot Audit: audit an enterprise AI pilot against one explicit standard — a single,
//! repeatable task, 99.9% reliability demonstrated, integrated where the work happens,
//! profitable per task from day one.
//!
//! `audit` is the pure engine (no browser); `store`, `charts` and `ui` are the web app.

pub mod audit;
pub mod charts;
pub mod error;
pub mod order;
pub mod store;
pub mod ui;

pub use audit::simulation::{simulate, Simulation};
pub use audit::{assess, Assessment, FieldError, Pilot};
pub use error::AppError;
pub use store::file::parse_import;
