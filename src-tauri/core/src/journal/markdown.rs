//! Markdown to safe HTML. Raw HTML in an entry is shown as the text it is, never
//! interpreted; the result is then sanitised by ammonia as a second line of defence,
//! keeping only plain formatting tags and links to http(s) and mailto. Images are
//! dropped: loading one would reach the network. A task list's box is a character
//! (☐, ☑), not a form control: a checkbox in the page would be an unlabelled control
//! that does nothing.
use ammonia::Builder;
use pulldown_cmark::{html, Event, Options, Parser};
use std::collections::HashSet;
use std::sync::OnceLock;

fn sanitizer() -> &'static Builder<'static> {
    static CLEANER: OnceLock<Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let tags: HashSet<&str> = [
            "a",
            "blockquote",
            "br",
            "code",
            "del",
            "em",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "li",
            "ol",
            "p",
            "pre",
            "strong",
            "table",
            "tbody",
            "td",
            "th",
            "thead",
            "tr",
            "ul",
        ]
        .into_iter()
        .collect();
        let mut b = Builder::default();
        b.tags(tags)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer nofollow"))
            .generic_attributes(HashSet::new())
            .tag_attributes([("a", ["href"].into_iter().collect())].into_iter().collect());
        b
    })
}

pub fn render(body: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    let events = Parser::new_ext(body, options).map(|event| match event {
        // Raw HTML becomes literal text: shown, never run.
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::TaskListMarker(done) => Event::Text(if done { "☑ " } else { "☐ " }.into()),
        other => other,
    });
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events);
    sanitizer().clean(&out).to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn formatting_survives() {
        let html = render("# Day one\n\nI *said* it **plainly**.\n\n- one\n- two");
        assert!(html.contains("<h1>Day one</h1>"));
        assert!(html.contains("<em>said</em>"));
        assert!(html.contains("<strong>plainly</strong>"));
        assert!(html.contains("<li>one</li>"));
    }

    #[test]
    fn a_task_list_shows_its_boxes_as_characters_not_controls() {
        let html = render("- [ ] call them\n- [x] say sorry\n\n<input type=checkbox>");
        assert!(html.contains("<li>☐ call them</li>"), "{html}");
        assert!(html.contains("<li>☑ say sorry</li>"), "{html}");
        assert!(!html.contains("<input"), "{html}");
    }

    #[test]
    fn raw_html_and_scripts_are_inert_text() {
        let html = render("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("&lt;img"));
    }

    #[test]
    fn dangerous_links_lose_their_target() {
        let html = render(
            "[click](javascript:alert(1)) [data](data:text/html,hi) [ok](https://example.org)",
        );
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("data:text"));
        assert!(html.contains(r#"href="https://example.org""#));
        assert!(html.contains("noopener"));
    }

    #[test]
    fn markdown_images_are_not_loaded() {
        let html = render("![tracker](https://example.org/pixel.png)");
        assert!(!html.contains("<img"));
    }

    #[test]
    fn attributes_cannot_be_smuggled() {
        let html = render("[x](https://e.org \"a\\\" onclick=\\\"alert(1)\") *[y](https://e.org)*");
        let tags: Vec<&str> =
            html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")).collect();
        assert!(tags.iter().any(|t| t.starts_with("a ")), "links still render: {html}");
        for tag in tags {
            assert!(
                !tag.contains("onclick") && !tag.contains("title"),
                "attribute leaked into <{tag}>"
            );
        }
    }
}
