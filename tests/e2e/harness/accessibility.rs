//! axe-core (the npm package, from ui/node_modules) run in the real window: every screen
//! the suite stops at to look at (each `App::screenshot`) is checked in both themes, and
//! a violation of impact serious or critical fails the test, naming the rule and where.
use serde_json::Value;
use std::sync::OnceLock;
use thirtyfour::WebDriver;

/// axe-core's script, read once per test run.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("axe-core at {path} (npm install in ui/): {e}"))
    })
}

/// The serious and critical violations on the page as it is now, in the theme it is
/// drawn in and then in the other one (the page's palette is switched for the check, with
/// animations off so colours are read settled, and put back after): rule, impact, theme,
/// help and up to three elements (CSS selectors only, never their text).
pub async fn violations(driver: &WebDriver) -> Vec<Value> {
    let loaded = driver.execute("return typeof window.axe !== 'undefined';", vec![]).await;
    if loaded.map(|v| v.json() != &Value::Bool(true)).unwrap_or(true) {
        driver
            .execute(&format!("{}\nreturn true;", axe_source()), vec![])
            .await
            .expect("axe-core loads in the page");
    }
    let found = driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const root = document.documentElement;
             const was = { theme: root.dataset.theme, motion: root.dataset.motion,
                           scheme: root.style.getPropertyValue('color-scheme') };
             const first = was.theme === 'dark' ? 'dark' : 'light';
             const shades = [first, first === 'dark' ? 'light' : 'dark'];
             const frame = () => new Promise(r => requestAnimationFrame(() => r()));
             const restore = () => {
               if (was.theme === undefined) delete root.dataset.theme;
               else root.dataset.theme = was.theme;
               if (was.motion === undefined) delete root.dataset.motion;
               else root.dataset.motion = was.motion;
               root.style.setProperty('color-scheme', was.scheme);
             };
             (async () => {
               const out = [];
               root.dataset.motion = 'reduced';
               for (const shade of shades) {
                 root.dataset.theme = shade;
                 root.style.setProperty('color-scheme', shade);
                 await frame(); await frame();
                 const r = await axe.run(document, { resultTypes: ['violations'] });
                 for (const v of r.violations) {
                   if (v.impact !== 'serious' && v.impact !== 'critical') continue;
                   out.push({ rule: v.id, impact: v.impact, theme: shade, help: v.help,
                              where: v.nodes.slice(0, 3).map(n => n.target.join(' ')) });
                 }
               }
               return out;
             })()
               .then(out => { restore(); done(out); })
               .catch(e => { restore(); done([{ rule: 'axe-failed', help: String(e) }]); });",
            vec![],
        )
        .await
        .expect("axe-core runs");
    found.json().as_array().cloned().unwrap_or_default()
}

/// When `MEND_AXE_SURVEY` names a file, violations are appended there (one JSON line per
/// screen) instead of failing the test: for surveying a whole run at once. Returns
/// whether it did.
pub fn survey(screen: &str, found: &[Value]) -> bool {
    use std::io::Write;
    let Some(path) = std::env::var_os("MEND_AXE_SURVEY") else { return false };
    if !found.is_empty() {
        let line = serde_json::json!({ "screen": screen, "violations": found });
        if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
            let _ = writeln!(file, "{line}");
        }
    }
    true
}
