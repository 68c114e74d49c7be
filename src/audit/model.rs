//! The pilot description (input) and its assessment (output): the engine's types, a leaf
//! that imports nothing which imports it back (only the standard's constants and dates).
//!
//! Both are also the export/import file format (DESIGN §2): field names are snake_case
//! and must not change without a schema version bump. Money is in the pilot's `currency`;
//! rates are fractions (0.999, not 99.9).

mod assessment;
mod evidence;
mod pilot;

pub use assessment::*;
pub use evidence::*;
pub use pilot::*;
