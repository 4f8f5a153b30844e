//! Reading the JSON formats (jrnl, Day One, Mend): errors name the path and position,
//! never a key the file chose, and never quote the file.
use crate::transfer::TransferError;

/// Turns a JSON error into a location and a plain problem, without quoting the file.
/// Only path segments that are field names in `known` (or list indexes) are named, so a
/// key the file itself chose never reaches a message.
fn json_error(
    err: &serde_path_to_error::Error<serde_json::Error>,
    known: &[&str],
) -> TransferError {
    use serde_path_to_error::Segment;
    let mut path = String::new();
    for segment in err.path().iter() {
        match segment {
            Segment::Seq { index } => path.push_str(&format!("[{index}]")),
            Segment::Map { key } if known.contains(&key.as_str()) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            _ => break,
        }
    }
    json_inner_error(err.inner(), &path)
}

fn json_inner_error(inner: &serde_json::Error, path: &str) -> TransferError {
    use serde_json::error::Category;
    let position = format!("line {}, column {}", inner.line(), inner.column());
    let location = if path.is_empty() { position } else { format!("{path} ({position})") };
    // serde_json's own messages can quote the file, so only their kind is used.
    let message = inner.to_string();
    let problem = match inner.classify() {
        Category::Io => "the file could not be read",
        Category::Eof => "the file ends before its JSON is complete",
        Category::Syntax if message.starts_with("recursion limit exceeded") => {
            "the JSON is nested too deeply"
        }
        Category::Syntax => "the file is not valid JSON here",
        Category::Data if message.starts_with("invalid type") => "this value has the wrong type",
        Category::Data if message.starts_with("missing field") => "a required field is missing",
        Category::Data => "this value is not what was expected",
    };
    TransferError::malformed(location, problem)
}

/// Deserialises `text` as JSON into `T`, naming where it is malformed.
pub(super) fn from_json<T: serde::de::DeserializeOwned>(
    text: &str,
    known: &[&str],
) -> Result<T, TransferError> {
    // serde would read a list as a struct's fields in order; the formats are objects.
    let start = text.trim_start();
    if !start.starts_with('{') {
        let before = text.get(..text.len() - start.len()).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(TransferError::malformed(
            format!("line {line}, column {column}"),
            "the file does not hold a JSON object",
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| json_error(&e, known))?;
    de.end().map_err(|e| json_inner_error(&e, ""))?;
    Ok(value)
}
