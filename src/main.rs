//! Pilot Audit in the browser: install the error panel, mount the app.

fn main() {
    pilot_audit::ui::panic_panel::install();
    pilot_audit::ui::mount();
}
