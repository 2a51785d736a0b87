//! Unit tests of the domain model.
use super::*;
use std::collections::BTreeMap;

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn a_date_keeps_the_precision_it_was_written_with() {
    assert_eq!(date("1992").precision(), Precision::Year);
    assert_eq!(date("1992-05").precision(), Precision::Month);
    assert_eq!(date("1992-05-03").precision(), Precision::Day);
    for text in ["1992", "1992-05", "1992-05-03", "2024-02-29"] {
        assert_eq!(date(text).to_string(), text);
    }
}

#[test]
fn a_date_refuses_other_forms_and_days_that_do_not_exist() {
    for text in [
        "",
        "92",
        "1992-5",
        "1992-05-3",
        "1992/05",
        " 1992",
        "1992-05-03-01",
        "１９９２",
        "1992-",
        "-1992",
        "+992",
        "1992-05-03T00",
    ] {
        assert_eq!(Date::parse(text), Err(DateError::Form), "{text:?}");
    }
    assert_eq!(Date::parse("1992-13"), Err(DateError::Month(13)));
    assert_eq!(Date::parse("1992-00-01"), Err(DateError::Month(0)));
    assert!(matches!(
        Date::parse("2023-02-29"),
        Err(DateError::Day {
            day: 29,
            days: 28,
            ..
        })
    ));
    assert!(Date::parse("2024-02-29").is_ok());
    assert!(Date::parse("2000-02-29").is_ok());
    assert!(Date::parse("1900-02-29").is_err());
    assert!(Date::parse("2024-04-31").is_err());
}

#[test]
fn dates_order_chronologically_with_coarser_first() {
    assert!(date("1992") < date("1992-01"));
    assert!(date("1992-01") < date("1992-01-03"));
    assert!(date("1992-12-31") < date("1993"));
    assert_eq!(date("1992-02").last_day(), date("1992-02-29"));
    assert_eq!(date("1993").first_day(), date("1993-01-01"));
}

#[test]
fn a_date_is_after_another_only_when_it_starts_after_the_other_ends() {
    let today = date("2026-11-28");
    assert!(!date("2026").is_after(&today));
    assert!(!date("2026-11").is_after(&today));
    assert!(date("2026-11-29").is_after(&today));
    assert!(date("2027").is_after(&today));
    assert!(date("1992-02").is_before(&date("1992-03-01")));
    assert!(!date("1992-02").is_before(&date("1992-02-28")));
}

#[test]
fn a_period_parses_every_documented_form() {
    assert_eq!(Period::parse("2024"), Ok(Period::Year(2024)));
    assert_eq!(
        Period::parse("2025-H1"),
        Ok(Period::Half {
            year: 2025,
            half: 1
        })
    );
    assert_eq!(
        Period::parse("2025-Q4"),
        Ok(Period::Quarter {
            year: 2025,
            quarter: 4
        })
    );
    let months = Period::parse("2023-01/2023-09").unwrap();
    assert_eq!(months.kind(), PeriodKind::Months);
    assert_eq!(months.first_day(), date("2023-01-01"));
    assert_eq!(months.last_day(), date("2023-09-30"));
    for text in [
        "2024",
        "2025-H2",
        "2025-Q3",
        "2023-01/2023-09",
        "2024-11/2025-02",
    ] {
        assert_eq!(Period::parse(text).unwrap().to_string(), text);
    }
}

#[test]
fn a_period_refuses_malformed_text() {
    for text in [
        "",
        "24",
        "2024-H",
        "2024-H12",
        "2024-h1",
        "2024-Q",
        "2024-Q1x",
        "2024-05",
        "2024/2025",
        "2023-01/2023",
        "2023-01-01/2023-02-01",
        "2024-",
    ] {
        assert_eq!(Period::parse(text), Err(DateError::Form), "{text:?}");
    }
    assert_eq!(Period::parse("2024-H3"), Err(DateError::Half(3)));
    assert_eq!(Period::parse("2024-Q5"), Err(DateError::Quarter(5)));
    assert_eq!(Period::parse("2024-Q0"), Err(DateError::Quarter(0)));
    assert_eq!(Period::parse("2023-09/2023-01"), Err(DateError::Backwards));
    assert_eq!(Period::parse("2023-13/2024-01"), Err(DateError::Month(13)));
}

#[test]
fn periods_order_chronologically() {
    let mut periods: Vec<Period> = ["2025-H1", "2024", "2023-01/2023-09", "2024-Q2", "2023"]
        .iter()
        .map(|p| Period::parse(p).unwrap())
        .collect();
    periods.sort();
    let texts: Vec<String> = periods.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        texts,
        ["2023-01/2023-09", "2023", "2024", "2024-Q2", "2025-H1"]
    );
}

#[test]
fn ids_must_be_kebab_case_ascii() {
    for ok in ["a", "2013-09-silk-road-belt", "x1-2"] {
        assert!(is_valid_id(ok), "{ok}");
    }
    for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a.b"] {
        assert!(!is_valid_id(bad), "{bad}");
    }
}

#[test]
fn vocabularies_round_trip_through_their_written_form() {
    for s in SectorId::ALL {
        assert_eq!(SectorId::parse(s.as_str()), Some(*s));
    }
    assert_eq!(SectorId::ALL.len(), 11);
    for u in Unit::ALL {
        assert_eq!(Unit::parse(u.as_str()), Some(*u));
    }
    assert_eq!(Unit::parse("USD-BN"), None);
    assert!(Unit::PercentChange.allows_negative());
    assert!(!Unit::Wording.is_numeric());
}

#[test]
fn texts_fall_back_to_english_and_say_so() {
    let en = BTreeMap::from([
        ("a".to_owned(), "A".to_owned()),
        ("b".to_owned(), "B".to_owned()),
    ]);
    let zh = BTreeMap::from([("a".to_owned(), "甲".to_owned())]);
    let texts = Texts::new(("en".to_owned(), en), vec![("zh".to_owned(), zh)]);
    assert_eq!(texts.get("a"), Some("甲"));
    let b = texts.lookup("b").unwrap();
    assert_eq!((b.text, b.lang, b.fallback), ("B", "en", true));
    assert_eq!(texts.fallbacks(), 1);
    let mut marked = texts.clone();
    marked.mark_fallbacks();
    assert_eq!(marked.get("b"), Some("⟦en⟧ B"));
    assert_eq!(marked.get("a"), Some("甲"));
    assert_eq!(texts.get("c"), None);
}

fn source(id: &str) -> SourceId {
    SourceId::parse(id).unwrap()
}

fn event(date: &str, end: Option<&str>, status: Status) -> Event {
    Event {
        id: EventId::parse("an-event").unwrap(),
        when: DateRange {
            start: Date::parse(date).unwrap(),
            end: end.map(|end| Date::parse(end).unwrap()),
        },
        other_dates: Vec::new(),
        status,
        main_sector: SectorId::Energy,
        sectors: vec![SectorId::Energy],
        sources: vec![source("ogj")],
        confidence: Confidence::High,
        in_advertorial: InAdvertorial::No,
        factbase_row: FactbaseRow::Timeline(1),
    }
}

#[test]
fn a_disputed_date_lists_the_events_own_date_first_then_the_others_with_their_sources() {
    let mut pipeline = event("2005-11", None, Status::Happened);
    assert!(!pipeline.is_disputed());
    assert_eq!(pipeline.dates_with_sources().len(), 1);
    pipeline.other_dates = vec![OtherDate {
        date: date("2005-12"),
        sources: vec![source("rferl"), source("ogj")],
    }];
    assert!(pipeline.is_disputed());
    let dates: Vec<(String, Vec<&str>)> = pipeline
        .dates_with_sources()
        .into_iter()
        .map(|(date, sources)| {
            (
                date.to_string(),
                sources.iter().map(SourceId::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        dates,
        [
            ("2005-11".to_owned(), vec!["ogj"]),
            ("2005-12".to_owned(), vec!["rferl", "ogj"]),
        ]
    );
    let all: Vec<&str> = pipeline
        .all_sources()
        .into_iter()
        .map(SourceId::as_str)
        .collect();
    assert_eq!(
        all,
        ["ogj", "rferl"],
        "each source once, the event's own first"
    );
}

#[test]
fn a_plan_is_stale_once_its_date_has_wholly_passed_by_the_as_of_date() {
    let as_of = date("2026-03-03");
    assert!(event("2026-01", None, Status::Planned).is_stale_plan(as_of));
    assert!(event("2014-10", None, Status::Planned).is_stale_plan(as_of));
    assert!(event("2026-03-02", None, Status::Planned).is_stale_plan(as_of));
    // Not yet wholly passed: the month, the year or the day itself is still running.
    assert!(!event("2026-03", None, Status::Planned).is_stale_plan(as_of));
    assert!(!event("2026", None, Status::Planned).is_stale_plan(as_of));
    assert!(!event("2026-03-03", None, Status::Planned).is_stale_plan(as_of));
    assert!(!event("2028", None, Status::Planned).is_stale_plan(as_of));
    // A planned range is judged by its first date: that step has passed with no update.
    assert!(event("2025-09", Some("2026"), Status::Planned).is_stale_plan(as_of));
    // What happened is never a stale plan.
    assert!(!event("2014-10", None, Status::Happened).is_stale_plan(as_of));
    // A coarse as-of date counts from its first day.
    assert!(!event("2026-02-15", None, Status::Planned).is_stale_plan(date("2026")));
    assert!(event("2025-12", None, Status::Planned).is_stale_plan(date("2026")));
}
