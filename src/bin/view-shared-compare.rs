//! The wasm of the shared view of a link that holds several pilots (`/share/compare#…`): one wasm per view (`ui::pages`, DESIGN §7).

fn main() {
    pilot_audit::ui::start(pilot_audit::ui::pages::shared_compare);
}
