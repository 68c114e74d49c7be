//! The wasm of the shared view of a link that holds one pilot (`/share#…`): one wasm per view (`ui::pages`, DESIGN §7).

fn main() {
    pilot_audit::ui::start(pilot_audit::ui::pages::share);
}
