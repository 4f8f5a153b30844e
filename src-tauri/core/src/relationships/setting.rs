//! Where a relationship lives (at work or in personal life) and, at work, who holds more
//! power. Both are optional: the person may choose them, change them or leave them unset.
//! From them comes the relationship's context: the set of situations (a leader, someone
//! under another's power, a team, …) whose framework variants apply to it.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who the other side is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Setting {
    /// Work: someone I work alongside.
    Colleague,
    /// Work: the person I report to.
    MyManager,
    /// Work: someone who reports to me.
    SomeoneIManage,
    /// Work: a client or customer.
    Client,
    /// Work: a whole team or group.
    Team,
    Partner,
    Family,
    Friend,
    /// Personal, none of the above.
    Other,
}

impl Setting {
    pub const ALL: [Setting; 9] = [
        Setting::Colleague,
        Setting::MyManager,
        Setting::SomeoneIManage,
        Setting::Client,
        Setting::Team,
        Setting::Partner,
        Setting::Family,
        Setting::Friend,
        Setting::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Setting::Colleague => "colleague",
            Setting::MyManager => "myManager",
            Setting::SomeoneIManage => "someoneIManage",
            Setting::Client => "client",
            Setting::Team => "team",
            Setting::Partner => "partner",
            Setting::Family => "family",
            Setting::Friend => "friend",
            Setting::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether this is a work setting (where power can differ).
    pub fn is_work(self) -> bool {
        matches!(
            self,
            Setting::Colleague
                | Setting::MyManager
                | Setting::SomeoneIManage
                | Setting::Client
                | Setting::Team
        )
    }

    /// The power difference the setting usually means, which the person can change.
    pub fn implied_power(self) -> Option<Power> {
        match self {
            Setting::MyManager => Some(Power::Them),
            Setting::SomeoneIManage => Some(Power::Me),
            _ => None,
        }
    }
}

/// At work, who holds more power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Power {
    Them,
    Me,
    /// Neither: about even.
    Even,
}

impl Power {
    pub fn as_str(self) -> &'static str {
        match self {
            Power::Them => "them",
            Power::Me => "me",
            Power::Even => "even",
        }
    }

    pub fn parse(s: &str) -> Option<Power> {
        [Power::Them, Power::Me, Power::Even].into_iter().find(|p| p.as_str() == s)
    }
}

/// A situation a framework step may have a variant for (`when` in the framework files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Context {
    /// Any work setting.
    Work,
    /// At work, and I hold more power (someone I manage, a team I lead).
    Leader,
    /// At work, and they hold more power (my manager, a client who can end the work).
    UnderPower,
    /// The other side is a group: commitments are to all of them.
    Team,
    /// A personal setting (partner, family, friend, other).
    Personal,
}

/// Power may only be given for a work setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PowerOutsideWork;

/// Checks a setting and power as the person gave them: power needs a work setting; a
/// work setting without a stated power takes the one it implies.
pub fn check(
    setting: Option<Setting>,
    power: Option<Power>,
) -> Result<(Option<Setting>, Option<Power>), PowerOutsideWork> {
    match setting {
        Some(s) if s.is_work() => Ok((Some(s), power.or(s.implied_power()))),
        _ if power.is_some() => Err(PowerOutsideWork),
        _ => Ok((setting, None)),
    }
}

/// The contexts a relationship is in, from its setting and power (none if unset).
pub fn contexts(setting: Option<Setting>, power: Option<Power>) -> Vec<Context> {
    let Some(setting) = setting else { return Vec::new() };
    if !setting.is_work() {
        return vec![Context::Personal];
    }
    let mut found = vec![Context::Work];
    match power {
        Some(Power::Me) => found.push(Context::Leader),
        Some(Power::Them) => found.push(Context::UnderPower),
        _ => {}
    }
    if setting == Setting::Team {
        found.push(Context::Team);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_reads_back_and_only_the_first_five_are_work() {
        for s in Setting::ALL {
            assert_eq!(Setting::parse(s.as_str()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()), "stored as sent");
        }
        let work: Vec<Setting> = Setting::ALL.into_iter().filter(|s| s.is_work()).collect();
        assert_eq!(
            work,
            [
                Setting::Colleague,
                Setting::MyManager,
                Setting::SomeoneIManage,
                Setting::Client,
                Setting::Team
            ]
        );
        for p in [Power::Them, Power::Me, Power::Even] {
            assert_eq!(Power::parse(p.as_str()), Some(p));
        }
        assert_eq!(Setting::parse("boss"), None);
    }

    #[test]
    fn a_manager_implies_their_power_and_a_report_mine_unless_the_person_says_otherwise() {
        assert_eq!(
            check(Some(Setting::MyManager), None),
            Ok((Some(Setting::MyManager), Some(Power::Them)))
        );
        assert_eq!(
            check(Some(Setting::SomeoneIManage), None),
            Ok((Some(Setting::SomeoneIManage), Some(Power::Me)))
        );
        assert_eq!(
            check(Some(Setting::MyManager), Some(Power::Even)),
            Ok((Some(Setting::MyManager), Some(Power::Even)))
        );
        assert_eq!(check(Some(Setting::Colleague), None), Ok((Some(Setting::Colleague), None)));
        assert_eq!(check(None, None), Ok((None, None)));
    }

    #[test]
    fn power_outside_work_is_refused() {
        assert_eq!(check(Some(Setting::Partner), Some(Power::Me)), Err(PowerOutsideWork));
        assert_eq!(check(None, Some(Power::Them)), Err(PowerOutsideWork));
        assert_eq!(check(Some(Setting::Friend), None), Ok((Some(Setting::Friend), None)));
    }

    #[test]
    fn contexts_follow_setting_and_power() {
        use Context::*;
        assert_eq!(contexts(None, None), []);
        assert_eq!(contexts(Some(Setting::Partner), None), [Personal]);
        assert_eq!(contexts(Some(Setting::Colleague), Some(Power::Even)), [Work]);
        assert_eq!(contexts(Some(Setting::SomeoneIManage), Some(Power::Me)), [Work, Leader]);
        assert_eq!(contexts(Some(Setting::MyManager), Some(Power::Them)), [Work, UnderPower]);
        assert_eq!(contexts(Some(Setting::Team), Some(Power::Me)), [Work, Leader, Team]);
        assert_eq!(contexts(Some(Setting::Team), None), [Work, Team]);
    }
}
