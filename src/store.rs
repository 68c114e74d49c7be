//! Saving pilots in the browser's local storage: one key per pilot under a versioned
//! prefix, a schema version in each value, typed errors, unreadable records kept as they are.
//!
//! `record` is the pure encoding (tested natively); `local` talks to the browser.

pub mod edit;
pub mod file;
pub mod keys;
pub mod local;
pub mod record;

pub use keys::KEY_PREFIX;
pub use local::{delete, load_all, probe, progress, save, set_progress};
pub use record::{Entry, StorageError, SCHEMA_VERSION};
