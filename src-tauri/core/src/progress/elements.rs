//! The four elements of trust (able, believable, connected, dependable) and the items a
//! person rates them by, kept as data in `frameworks/trust-elements.toml`.
use crate::frameworks::Role;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use ts_rs::TS;

/// The element ids, in the order every chart shows them.
pub const ELEMENT_IDS: [&str; 4] = ["able", "believable", "connected", "dependable"];
/// The rating scale: 1 to this.
pub const SCALE_MAX: u8 = 5;

#[derive(Debug, Clone, Deserialize)]
pub struct ElementsFile {
    pub scale: Vec<String>,
    pub note: String,
    pub elements: Vec<ElementDef>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ElementDef {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub items: Vec<ItemDef>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ItemDef {
    pub id: String,
    #[serde(rename = "self")]
    pub self_text: String,
    pub observed: String,
}

/// The rating form as one role sees it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RatingForm {
    /// Labels for 1 to 5.
    pub scale: Vec<String>,
    /// "Reflection, not diagnosis", shown with the form and every score.
    pub note: String,
    pub elements: Vec<ElementView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ElementView {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ItemView {
    pub id: String,
    pub text: String,
}

/// An element's score: the mean of its answered items (1 to 5); none if none answered.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ElementScores {
    pub able: Option<f64>,
    pub believable: Option<f64>,
    pub connected: Option<f64>,
    pub dependable: Option<f64>,
}

impl ElementScores {
    pub fn get(&self, element: &str) -> Option<f64> {
        match element {
            "able" => self.able,
            "believable" => self.believable,
            "connected" => self.connected,
            "dependable" => self.dependable,
            _ => None,
        }
    }

    fn set(&mut self, element: &str, value: Option<f64>) {
        match element {
            "able" => self.able = value,
            "believable" => self.believable = value,
            "connected" => self.connected = value,
            "dependable" => self.dependable = value,
            _ => {}
        }
    }
}

/// Parses the elements file and checks its invariants.
pub fn parse(text: &str) -> Result<ElementsFile, String> {
    let f: ElementsFile = toml::from_str(text).map_err(|e| e.to_string())?;
    if f.scale.len() != usize::from(SCALE_MAX) {
        return Err(format!("the scale needs {SCALE_MAX} labels"));
    }
    let ids: Vec<&str> = f.elements.iter().map(|e| e.id.as_str()).collect();
    if ids != ELEMENT_IDS {
        return Err(format!("elements must be {ELEMENT_IDS:?} in that order"));
    }
    let mut seen = std::collections::HashSet::new();
    for e in &f.elements {
        if e.items.is_empty() {
            return Err(format!("{}: no items", e.id));
        }
        for i in &e.items {
            if !seen.insert(i.id.as_str()) {
                return Err(format!("item id {} repeats", i.id));
            }
            if i.self_text.trim().is_empty() || i.observed.trim().is_empty() {
                return Err(format!("{}: an empty wording", i.id));
            }
        }
    }
    Ok(f)
}

const FILE: &str = include_str!("../../frameworks/trust-elements.toml");

/// The elements, as shipped. A broken file is caught by the tests, never at run time.
pub fn elements() -> &'static ElementsFile {
    static PARSED: OnceLock<ElementsFile> = OnceLock::new();
    PARSED.get_or_init(|| {
        parse(FILE).unwrap_or(ElementsFile { scale: vec![], note: String::new(), elements: vec![] })
    })
}

/// The form for a role: the repairer rates themself, the decider what they observe.
pub fn form(role: Role) -> RatingForm {
    let f = elements();
    RatingForm {
        scale: f.scale.clone(),
        note: f.note.clone(),
        elements: f
            .elements
            .iter()
            .map(|e| ElementView {
                id: e.id.clone(),
                name: e.name.clone(),
                summary: e.summary.clone(),
                items: e
                    .items
                    .iter()
                    .map(|i| ItemView {
                        id: i.id.clone(),
                        text: match role {
                            Role::Repairer => i.self_text.clone(),
                            Role::Decider => i.observed.clone(),
                        },
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Whether `item` is one of the shipped item ids.
pub fn is_item(item: &str) -> bool {
    elements().elements.iter().any(|e| e.items.iter().any(|i| i.id == item))
}

/// Each element's mean over its answered items; unknown item ids are ignored.
pub fn scores(answers: &BTreeMap<String, u8>) -> ElementScores {
    let mut out = ElementScores::default();
    for e in &elements().elements {
        let values: Vec<f64> =
            e.items.iter().filter_map(|i| answers.get(&i.id)).map(|v| f64::from(*v)).collect();
        let mean = (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);
        out.set(&e.id, mean);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_is_valid_and_worded_for_both_roles() {
        let f = parse(FILE).unwrap();
        assert_eq!(f.elements.len(), 4);
        let me = form(Role::Repairer);
        let them = form(Role::Decider);
        for (a, b) in me.elements.iter().zip(&them.elements) {
            for (x, y) in a.items.iter().zip(&b.items) {
                assert_eq!(x.id, y.id);
                assert_ne!(x.text, y.text, "{} has one wording for both roles", x.id);
                assert!(x.text.contains('I'), "{}: the self wording speaks as 'I'", x.id);
            }
        }
        assert!(me.note.contains("not a measurement"));
    }

    #[test]
    fn broken_files_are_refused() {
        let good = FILE.to_owned();
        assert!(parse(&good.replace("id = \"able\"", "id = \"skill\"")).is_err());
        assert!(parse(&good.replace("id = \"able-results\"", "id = \"able-skills\"")).is_err());
        assert!(parse(&good.replace("\"Sometimes\", ", "")).is_err());
    }

    #[test]
    fn scores_are_means_of_answered_items() {
        let answers: BTreeMap<String, u8> = [
            ("able-skills".to_owned(), 4),
            ("able-results".to_owned(), 2),
            ("dependable-follow".to_owned(), 5),
            ("not-an-item".to_owned(), 1),
        ]
        .into();
        let s = scores(&answers);
        assert_eq!(s.able, Some(3.0));
        assert_eq!(s.believable, None);
        assert_eq!(s.connected, None);
        assert_eq!(s.dependable, Some(5.0));
        assert!(is_item("connected-open") && !is_item("not-an-item"));
    }
}
