//! The wasm of the standard, and of every unknown path: one wasm per view (`ui::pages`, DESIGN §7).

fn main() {
    pilot_audit::ui::start(pilot_audit::ui::pages::standard);
}
