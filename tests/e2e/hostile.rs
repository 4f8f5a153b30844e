//! Hostile content: a corpus of script-injection and Markdown attack strings, stored as
//! entries, tags, relationship names and commitments, then rendered in the real app
//! (timeline, search, relationship pages). The test asserts none ran: no global flag
//! set, no command called (the app's record of commands, and no entry deleted), and no
//! request reached a listener the strings point at.
use crate::harness::{App, PASSPHRASE};
use chrono::{Duration, TimeZone, Utc};
use mend_app::e2e::COMMAND_LOG_ENV;
use mend_core::frameworks::{BreachKind, Role};
use mend_core::ledger::OccurrenceStatus;
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog};
use mend_core::relationships::RelationshipInput;
use mend_core::repeat::Repeat;
use mend_core::{EntryMeta, FixedClock, Passphrase, Vault, VaultPaths};
use std::net::TcpListener;
use thirtyfour::By;

/// What a successful injection would do: set a flag, delete an entry through IPC, or
/// call home.
fn actions(port: u16) -> [String; 3] {
    [
        "window.__xss=1".to_owned(),
        "window.__TAURI_INTERNALS__.invoke('delete_entry',{id:1})".to_owned(),
        format!("fetch('http://127.0.0.1:{port}/x')"),
    ]
}

/// Vectors: each `{a}` becomes an action, each `{u}` the listener's address.
const VECTORS: &[&str] = &[
    "<script>{a}</script>",
    "<img src=x onerror=\"{a}\">",
    "<svg onload=\"{a}\"></svg>",
    "<svg><script>{a}</script></svg>",
    "<iframe srcdoc=\"<script>{a}</script>\"></iframe>",
    "<body onload=\"{a}\">",
    "<a href=\"javascript:{a}\">tap</a>",
    "[tap](javascript:{a})",
    "[tap](JaVaScRiPt:{a})",
    "[tap](jav&#x09;ascript:{a})",
    "![pic](javascript:{a})",
    "[tap](data:text/html,<script>{a}</script>)",
    "[tap][r]\n\n[r]: javascript:{a}",
    "<details open ontoggle=\"{a}\">x</details>",
    "<input autofocus onfocus=\"{a}\">",
    "<video><source onerror=\"{a}\"></video>",
    "<audio src=x onerror=\"{a}\"></audio>",
    "<object data=\"javascript:{a}\"></object>",
    "<embed src=\"javascript:{a}\">",
    "<form action=\"javascript:{a}\"><button>go</button></form>",
    "<math><mi xlink:href=\"javascript:{a}\">x</mi></math>",
    "<svg><a xlink:href=\"javascript:{a}\"><text y=20>x</text></a></svg>",
    "<marquee onstart=\"{a}\">x</marquee>",
    "<table background=\"javascript:{a}\"><tr><td>x</td></tr></table>",
    "<scr<script>ipt>{a}</script>",
    "\"><script>{a}</script>",
    "'><img src=x onerror={a}>",
    "<!--<img src=x onerror={a}>-->",
    "<![CDATA[<img src=x onerror={a}>]]>",
    "<noscript><p title=\"</noscript><img src=x onerror={a}>\">",
    "<template><script>{a}</script></template>",
    "<style>@import 'javascript:{a}';</style>",
    "<div style=\"background:url(javascript:{a})\">x</div>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:{a}\">",
    "\u{202e}<img src=x onerror={a}>",
    "`<img src=x onerror={a}>`",
    "    <img src=x onerror={a}>",
    "```html\n<script>{a}</script>\n```",
    "| a | b |\n|---|---|\n| <img src=x onerror={a}> | x |",
    "- [ ] <img src=x onerror={a}>",
    "~~<svg onload={a}>~~",
    "**<img src=x onerror={a}>**",
    "# <script>{a}</script>",
    "> <iframe src=\"javascript:{a}\"></iframe>",
    "{{constructor.constructor('{a}')()}}",
    "${{a}}",
    "<a href=\"#\" onclick=\"{a}\">x</a>",
    "<img src=\"x\" onmouseover=\"{a}\" style=\"width:100%;height:200px\">",
    "<button formaction=\"javascript:{a}\">x</button>",
    "<isindex action=\"javascript:{a}\">",
    "<xss onpointerenter=\"{a}\">x</xss>",
    "<img src=x:x onerror=&#x61;&#x6c;{a}>",
    "<svg><animate onbegin=\"{a}\" attributeName=x dur=1s>",
    "<svg><set onbegin=\"{a}\" attributeName=x to=1>",
    "<a href=\"vbscript:{a}\">x</a>",
    "<base href=\"javascript:{a}//\"><a href=\"x\">x</a>",
    "<link rel=stylesheet href=\"javascript:{a}\">",
    "<script src=\"data:text/javascript,{a}\"></script>",
    "<img srcset=\",,,,x onerror={a}\">",
    "<svg><foreignObject><img src=x onerror={a}></foreignObject></svg>",
    "<select autofocus onfocus={a}>",
    "<textarea autofocus onfocus={a}>",
    "<keygen autofocus onfocus={a}>",
    "<frameset onload={a}>",
    "<svg/onload={a}>",
    "<img/src/onerror={a}>",
    "<a href=\"&#106;avascript:{a}\">x</a>",
    "<img src=\"{u}/img.png\">",
    "![pic]({u}/md.png)",
    "<div style=\"background:url({u}/bg)\">x</div>",
    "<style>body{background:url({u}/css)}</style>",
    "<link rel=prefetch href=\"{u}/prefetch\">",
    "<a href=\"{u}/a\" ping=\"{u}/ping\">x</a>",
];

fn corpus(port: u16) -> Vec<String> {
    let url = format!("http://127.0.0.1:{port}");
    let mut all = Vec::new();
    for v in VECTORS {
        if v.contains("{a}") {
            for a in actions(port) {
                all.push(v.replace("{a}", &a).replace("{u}", &url));
            }
        } else {
            all.push(v.replace("{u}", &url));
        }
    }
    all
}

/// Short strings for tags (at most 40 characters) and relationship names (80).
fn short(port: u16) -> Vec<String> {
    let _ = port;
    [
        "<img src=x onerror=__xss=1>",
        "<svg onload=__xss=1>",
        "<script>__xss=1</script>",
        "\"><img src=x onerror=__xss=1>",
        "javascript:__xss=1",
        "{{constructor.constructor('__xss=1')()}}",
        "<b onmouseover=__xss=1>x</b>",
        "<iframe srcdoc=<script>__xss=1></script>",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[tokio::test]
async fn hostile_strings_render_as_text_and_run_nothing() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let strings = corpus(port);
    assert!(strings.len() >= 200, "the corpus has {} strings", strings.len());

    let root = crate::harness::new_root();
    let data = root.path().join("data");
    {
        let v =
            Vault::create(&VaultPaths::new(&data), &Passphrase::new(PASSPHRASE.into())).unwrap();
        let start = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
        let tags = short(port);
        for (i, name) in tags.iter().enumerate() {
            v.relationships()
                .create(
                    &RelationshipInput {
                        name: name.clone(),
                        role: if i % 2 == 0 { Role::Repairer } else { Role::Decider },
                        what_happened: strings[i].clone(),
                        happened_on: None,
                        breach_kind: BreachKind::Care,
                        setting: None,
                        power: None,
                    },
                    &FixedClock::new(start),
                )
                .unwrap();
        }
        for (i, s) in strings.iter().enumerate() {
            let meta = EntryMeta {
                relationship_id: Some((i % tags.len()) as i64 + 1),
                mood: Some(tags[i % tags.len()].clone()),
                tags: vec![tags[i % tags.len()].clone(), format!("hostile{}", i % 7)],
                ..EntryMeta::default()
            };
            let at = FixedClock::new(start + Duration::minutes(i as i64));
            v.journal().create_with(&format!("hostile sample {i}\n\n{s}"), &meta, &at).unwrap();
        }
        // Commitments: the promise, what keeping it looks like, and a logged note.
        let day = start.date_naive();
        for (i, s) in strings.iter().enumerate() {
            let rel = (i % tags.len()) as i64 + 1;
            let input = CommitmentInput {
                owner: if i % 2 == 0 { CommitmentOwner::Me } else { CommitmentOwner::Them },
                promise: s.clone(),
                repeat: Repeat::Once,
                starts_on: day.to_string(),
                ends_on: None,
                kept_looks_like: s.clone(),
                due_time: None,
                remind: false,
                show_details: true,
            };
            let clock = FixedClock::new(start);
            let c = v.commitments().create(rel, &input, &clock).unwrap();
            let log = OccurrenceLog {
                due_on: day.to_string(),
                status: OccurrenceStatus::Kept,
                note: s.clone(),
            };
            v.commitments().log(c.id, &log, day, &clock).unwrap();
        }
    }
    let total = strings.len() as u64;

    let command_log = root.path().join("commands.log");
    let app = App::start_in(root, &[(COMMAND_LOG_ENV, command_log.to_str().unwrap())]).await;
    app.unlock(PASSPHRASE).await;
    app.wait_for("#timeline").await;
    // Every entry onto the page: load older entries until the oldest one shows.
    let started = std::time::Instant::now();
    while !app.text().await.contains("hostile sample 0") {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(90),
            "the timeline did not load"
        );
        app.script(
            "const b = document.getElementById('load-more'); if (b && !b.disabled) b.click();",
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    // Hover and focus everything once, as a person moving through the page might.
    app.script(
        "for (const e of document.querySelectorAll('article *')) { \
           for (const t of ['mouseover','pointerenter','focus','toggle']) e.dispatchEvent(new Event(t)); }",
    )
    .await;
    app.screenshot("hostile-timeline").await;
    // Search renders snippets; relationship pages render names and what happened.
    app.click("#nav-search").await;
    let field = app.wait_for("#search-input").await;
    field.send_keys(crate::harness::typed("hostile sample")).await.unwrap();
    app.wait_until_text("search results", |t| t.contains("hostile sample")).await;
    for id in 1..=short(port).len() {
        // Through the DOM: the long names wrap, and the sidebar scrolls under the header.
        app.script(&format!("document.getElementById('nav-relationship-{id}').click();")).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    app.screenshot("hostile-relationship").await;
    // The last page shows its share of the commitments, promises and notes as text.
    let relationships = short(port).len();
    let shown = app.driver().find_all(By::Css(".commitment[data-commitment-id]")).await.unwrap();
    let expected = (0..strings.len()).filter(|i| i % relationships == relationships - 1).count();
    assert_eq!(shown.len(), expected, "every commitment of the relationship is on its page");
    app.driver()
        .execute(
            "arguments[0].scrollIntoView({block: 'start'});",
            vec![shown[0].to_json().unwrap()],
        )
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.screenshot("hostile-commitments").await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;

    // The check itself works: a flag set from outside is seen.
    let control = app.script("window.__control = 1; return typeof window.__control;").await;
    assert_eq!(control.as_str(), Some("number"));
    let flag = app.script("return typeof window.__xss;").await;
    assert_eq!(flag.as_str(), Some("undefined"), "an injected script ran");
    assert!(
        matches!(listener.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "a request reached the listener"
    );
    // No command the strings call reached the app. The record works: the app's own
    // calls are in it, and a call made from outside shows up.
    let called = std::fs::read_to_string(&command_log).unwrap();
    assert!(called.lines().any(|c| c == "list_entries"), "the record has the app's own calls");
    assert!(!called.lines().any(|c| c == "delete_entry"), "an injected script called a command");
    app.script(
        "window.__TAURI_INTERNALS__.invoke('delete_entry', {id: 999999999}).catch(() => {});",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let called = std::fs::read_to_string(&command_log).unwrap();
    assert_eq!(called.lines().filter(|c| *c == "delete_entry").count(), 1);
    let root = app.quit().await;
    let v = Vault::unlock(
        &VaultPaths::new(root.path().join("data")),
        &Passphrase::new(PASSPHRASE.into()),
    )
    .unwrap();
    assert_eq!(v.journal().count().unwrap(), total, "no entry was deleted through IPC");
}

/// A link in an entry goes nowhere, whichever way it is used: a click, a middle click (a
/// real X button press) and the context menu (whose "open in a new window" and "download
/// the linked file" would leave the app) are all refused by the page, and the window is
/// still the only one, still on Mend's page.
#[tokio::test(flavor = "multi_thread")]
async fn a_link_in_an_entry_opens_nothing_however_it_is_clicked() {
    let app = App::start().await;
    app.create_vault().await;
    app.write_entry("A note with [a link somewhere](https://example.org/away) in it.").await;
    let link = app.wait_for("#timeline .entry-body a").await;
    let page = app.driver().current_url().await.unwrap();
    // Seen after the app's own listeners: whether each real event's default was refused.
    app.script(
        "window.__refused = {}; \
         for (const kind of ['click', 'auxclick', 'contextmenu']) \
           window.addEventListener(kind, (e) => { window.__refused[kind] = e.defaultPrevented; });",
    )
    .await;

    app.driver().action_chain().context_click_element(&link).perform().await.unwrap();
    app.driver().action_chain().send_keys("\u{E00C}").perform().await.unwrap();
    // The middle button, pressed on the X display where the link is.
    let rect = app
        .script("const r = document.querySelector('#timeline .entry-body a').getBoundingClientRect(); return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];")
        .await;
    let (x, y) = (rect[0].as_i64().unwrap(), rect[1].as_i64().unwrap());
    let window = tokio::task::spawn_blocking(|| {
        crate::harness::wait_for_x_window("Mend", std::time::Duration::from_secs(10))
    })
    .await
    .unwrap()
    .expect("the app's X window");
    let pressed = std::process::Command::new("xdotool")
        .args(["mousemove", "--window", &window, &x.to_string(), &y.to_string(), "click", "2"])
        .status()
        .unwrap();
    assert!(pressed.success());
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    // Last, a plain click (which, on the entry around the link, opens the entry to edit).
    link.click().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    let refused = app.script("return window.__refused;").await;
    for kind in ["click", "auxclick", "contextmenu"] {
        assert_eq!(refused[kind], serde_json::json!(true), "{kind} was refused: {refused}");
    }
    assert_eq!(app.driver().windows().await.unwrap().len(), 1, "no second window");
    assert_eq!(app.driver().current_url().await.unwrap(), page, "still on Mend's page");
    app.wait_for("#editor-body").await;
    app.quit().await;
}
