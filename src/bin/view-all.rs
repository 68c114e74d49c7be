//! The wasm of every view, for a browser whose storage is blocked (`assets/boot.js`): one wasm per view (`ui::pages`, DESIGN §7).

fn main() {
    pilot_audit::ui::start(pilot_audit::ui::pages::all);
}
