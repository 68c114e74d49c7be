//! Prints the app's simulation of a pilot file's pilots as JSON, one line each: the figures
//! the report and compare show (DESIGN §10), computed natively.
//!
//! `cargo run --example simulate -- pilots.json` (an export file or one bare pilot).

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: simulate <pilot file>");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let pilots = pilot_audit::parse_import(&text).unwrap_or_else(|errors| {
        eprintln!("{path}: {}", errors.join("; "));
        std::process::exit(1);
    });
    use pilot_audit::audit::simulation::{DRAWS, SEED};
    for pilot in pilots {
        let sim = pilot_audit::simulate(&pilot, DRAWS, SEED);
        println!("{}", serde_json::json!({"id": pilot.id, "simulation": sim}));
    }
}
