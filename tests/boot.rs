//! One route table: `assets/boot.js` starts, for every path, the wasm that `Route::wasm`
//! names (src/ui/routes.rs), and every view's wasm is a bin of its name.

use pilot_audit::ui::routes::{self, Route, View};
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

/// The segments the routes match on, an id and a step, and some they must not.
const SEGMENTS: [&str; 13] = [
    "", "pilot", "x", "edit", "2", "9", "new", "share", "compare", "standard", "debug", "panic",
    "STANDARD",
];

/// Every path of up to four segments from [`SEGMENTS`], with and without a trailing slash,
/// and the addresses the app builds.
fn paths() -> Vec<String> {
    let mut paths: Vec<Vec<&str>> = vec![vec![]];
    let mut last = paths.clone();
    for _ in 0..4 {
        last = last
            .iter()
            .flat_map(|path| {
                SEGMENTS.iter().map(move |s| {
                    let mut longer = path.clone();
                    longer.push(*s);
                    longer
                })
            })
            .collect();
        paths.extend(last.iter().cloned());
    }
    let mut all: Vec<String> = paths
        .iter()
        .flat_map(|p| {
            let path = format!("/{}", p.join("/"));
            [path.clone(), format!("{path}/"), p.join("/")]
        })
        .collect();
    for id in ["a#b", "%2e%2e%2f", "a/b?c=d", "é and ü", "p 1"] {
        all.push(routes::report(id));
        all.push(routes::edit(id, 3));
    }
    all.extend(
        [
            routes::LIBRARY,
            routes::STANDARD,
            routes::COMPARE,
            routes::NEW_PILOT,
        ]
        .map(String::from),
    );
    all
}

/// What `view(path)` of `assets/boot.js` returns for each path, run by node.
fn boot_views(paths: &[String]) -> Vec<String> {
    let script = std::fs::read_to_string("assets/boot.js").expect("assets/boot.js");
    let start = script
        .find("function view(path) {")
        .expect("boot.js has view(path)");
    let end = start + script[start..].find("\n}\n").expect("view(path) ends") + 2;
    let program = format!(
        "{}\nconst paths = {};\nprocess.stdout.write(JSON.stringify(paths.map(view)));",
        &script[start..end],
        serde_json::to_string(paths).unwrap()
    );
    let mut node = Command::new("node")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs (scripts/setup.sh installs it)");
    let mut stdin = node.stdin.take().unwrap();
    stdin.write_all(program.as_bytes()).unwrap();
    drop(stdin);
    let out = node.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a list of view names")
}

#[test]
fn boot_js_starts_the_wasm_the_route_table_names() {
    let paths = paths();
    assert!(paths.len() > 50_000, "{}", paths.len());
    let views = boot_views(&paths);
    assert_eq!(views.len(), paths.len());
    let mut seen = BTreeSet::new();
    for (path, view) in paths.iter().zip(&views) {
        let route = Route::of(path);
        assert_eq!(view, route.wasm().name(), "{path:?} is {route:?}");
        seen.insert(view.as_str());
    }
    let every: BTreeSet<&str> = View::ALL.iter().map(|v| v.name()).collect();
    assert_eq!(seen, every, "the paths reach every view");
}

#[test]
fn every_view_is_a_wasm_of_its_name() {
    let bins: BTreeSet<String> = std::fs::read_dir("src/bin")
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            Some(name.strip_prefix("view-")?.strip_suffix(".rs")?.to_string())
        })
        .collect();
    let mut views: BTreeSet<String> = View::ALL.iter().map(|v| v.name().to_string()).collect();
    // The wasm of every view, for a browser whose storage is blocked (boot.js).
    views.insert("all".into());
    assert_eq!(bins, views);
}
