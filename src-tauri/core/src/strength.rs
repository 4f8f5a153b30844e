//! Passphrase strength, estimated with zxcvbn. The same rule gates vault creation and
//! passphrase changes, in the app and on the command line.
use serde::Serialize;
use ts_rs::TS;

/// The lowest zxcvbn score (0-4) accepted for a vault passphrase.
pub const MIN_SCORE: u8 = 3;
/// Only this many leading characters are estimated: zxcvbn's cost grows with length.
const MAX_ESTIMATED_CHARS: usize = 100;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PassphraseStrength {
    /// 0 (trivial) to 4 (very strong).
    pub score: u8,
    pub acceptable: bool,
    pub warning: Option<String>,
    pub suggestions: Vec<String>,
    /// How long a well-equipped attacker would need offline, in words.
    pub crack_time: String,
}

/// Estimates a passphrase held in its secret type.
pub fn assess_secret(passphrase: &crate::Passphrase) -> PassphraseStrength {
    assess(passphrase.expose(), &[])
}

pub fn assess(passphrase: &str, context: &[&str]) -> PassphraseStrength {
    let head: String = passphrase.chars().take(MAX_ESTIMATED_CHARS).collect();
    let estimate = zxcvbn::zxcvbn(&head, context);
    let score = u8::from(estimate.score());
    let feedback = estimate.feedback();
    PassphraseStrength {
        score,
        acceptable: score >= MIN_SCORE,
        warning: feedback.and_then(|f| f.warning()).map(|w| w.to_string()),
        suggestions: feedback
            .map(|f| f.suggestions().iter().map(|s| s.to_string()).collect())
            .unwrap_or_default(),
        crack_time: estimate.crack_times().offline_slow_hashing_1e4_per_second().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_are_refused_and_long_phrases_accepted() {
        assert!(!assess("password1", &[]).acceptable);
        assert!(!assess("", &[]).acceptable);
        let weak = assess("letmein", &[]);
        assert!(weak.score < MIN_SCORE);
        assert!(weak.warning.is_some() || !weak.suggestions.is_empty());
        assert!(assess("quiet lantern over the harbour wall", &[]).acceptable);
    }

    #[test]
    fn very_long_inputs_are_judged_by_their_start() {
        assert!(!assess(&"a".repeat(5000), &[]).acceptable);
        let strong = format!("quiet lantern over the harbour wall {}", "a".repeat(5000));
        assert!(assess(&strong, &[]).acceptable);
    }
}
