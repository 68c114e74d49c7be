//! The wasm of compare: one wasm per view (`ui::pages`, DESIGN §7).

fn main() {
    pilot_audit::ui::start(pilot_audit::ui::pages::compare);
}
