//! Open exports (placeholder while the JSON schema lands).
