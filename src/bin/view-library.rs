//! The wasm of the library: one wasm per view (`ui::pages`, DESIGN §7).

fn main() {
    pilot_audit::ui::start(pilot_audit::ui::pages::library);
}
