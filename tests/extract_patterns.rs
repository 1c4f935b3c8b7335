//! The relation patterns of the extractor, each on sentences written for
//! this test (not taken from any article).

use stancemap::extract::extract;
use stancemap::model::{Article, RelationMap, Stance};
use stancemap::text::sentences;

fn map_of(text: &str) -> RelationMap {
    let article = Article {
        id: "a1".into(),
        title: text.lines().next().unwrap_or_default().into(),
        source: None,
        date: None,
        text: text.into(),
        sentences: sentences::split(text),
    };
    extract(&article)
}

/// (source, target, stance, alleged_by) by entity name.
fn relations(text: &str) -> Vec<(String, String, Stance, Option<String>)> {
    let map = map_of(text);
    let name = |id: &str| map.entity(id).map_or(id.to_string(), |e| e.name.clone());
    map.relations
        .iter()
        .map(|r| {
            (
                name(&r.source),
                name(&r.target),
                r.stance,
                r.alleged_by.as_deref().map(name),
            )
        })
        .collect()
}

fn has(
    rels: &[(String, String, Stance, Option<String>)],
    s: &str,
    t: &str,
    stance: Stance,
) -> bool {
    rels.iter()
        .any(|(a, b, st, _)| a == s && b == t && *st == stance)
}

#[test]
fn active_voice() {
    let r = relations("Pakistan criticised India on Monday.");
    assert!(has(&r, "Pakistan", "India", Stance::Oppose), "{r:?}");
    assert_eq!(r.len(), 1, "{r:?}");
}

#[test]
fn passive_voice_with_by() {
    let r = relations("The claims of Pakistan were dismissed by India.");
    assert!(has(&r, "India", "Pakistan", Stance::Oppose), "{r:?}");
}

#[test]
fn nominalisations_and_possessives() {
    let r = relations("Moscow's endorsement of the Taliban drew attention in the region.");
    assert!(has(&r, "Russia", "Taliban", Stance::Support), "{r:?}");
    let r = relations("Analysts noted Egypt's criticism of Israel.");
    assert!(has(&r, "Egypt", "Israel", Stance::Oppose), "{r:?}");
}

#[test]
fn headline_reverse_frame() {
    let r = relations("Hamas Leaders Get A Nod From Tehran\n\nThe meeting was brief.");
    assert!(has(&r, "Iran", "Hamas", Stance::Support), "{r:?}");
}

#[test]
fn accusation_with_nested_allegation() {
    let r = relations(
        "Pakistan has accused the Taliban of enabling the Tehreek-e-Taliban Pakistan (TTP).",
    );
    assert!(has(&r, "Pakistan", "Taliban", Stance::Accuse), "{r:?}");
    let nested = r
        .iter()
        .find(|(a, b, st, _)| a == "Taliban" && b == "TTP" && *st == Stance::Support)
        .unwrap_or_else(|| panic!("{r:?}"));
    assert_eq!(nested.3.as_deref(), Some("Pakistan"));
    assert!(!has(&r, "Taliban", "Pakistan", Stance::Accuse), "{r:?}");
}

#[test]
fn negation_drops_or_flips_the_stance() {
    let r = relations("Russia did not attack Ukraine.");
    assert!(r.is_empty(), "{r:?}");
    let r = relations("India denied arming the rebels in Myanmar.");
    assert!(r.is_empty(), "{r:?}");
    // A negated acceptance is opposition; a denied one is nothing.
    let r = relations("The European Union does not recognise the Taliban.");
    assert!(
        has(&r, "European Union", "Taliban", Stance::Oppose),
        "{r:?}"
    );
    let r = relations("Russia denied backing the Taliban.");
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn reported_speech_is_a_fact_unless_the_verb_makes_it_a_claim() {
    // ANNOTATION.md: "A said that B attacked C" -> B -> C attack, not alleged.
    let r = relations("Putin said the Afghan administration was fighting ISIS-K.");
    let found = r
        .iter()
        .find(|(a, b, st, _)| a == "Taliban" && b == "ISIS-K" && *st == Stance::Attack)
        .unwrap_or_else(|| panic!("{r:?}"));
    assert_eq!(found.3, None);
    let r = relations("Putin alleged that the Afghan administration was fighting ISIS-K.");
    let found = r
        .iter()
        .find(|(a, b, st, _)| a == "Taliban" && b == "ISIS-K" && *st == Stance::Attack)
        .unwrap_or_else(|| panic!("{r:?}"));
    assert_eq!(found.3.as_deref(), Some("Russia"));
}

#[test]
fn pronouns_and_descriptions_resolve() {
    let r =
        relations("Vladimir Putin arrived in Delhi on Monday. He praised India for its restraint.");
    assert!(has(&r, "Russia", "India", Stance::Support), "{r:?}");
    let r = relations(
        "The Taliban seized Kabul in 2021. Pakistan later accused the group of sheltering militants.",
    );
    assert!(has(&r, "Pakistan", "Taliban", Stance::Accuse), "{r:?}");
    let r = relations("The Russian president condemned Ukraine.");
    assert!(has(&r, "Russia", "Ukraine", Stance::Oppose), "{r:?}");
}

#[test]
fn titles_and_demonyms_name_the_state() {
    let r = relations("Iranian Foreign Minister Abbas Araghchi warned Israel on Sunday.");
    assert!(has(&r, "Iran", "Israel", Stance::Oppose), "{r:?}");
    let r = relations("Chinese warships shelled Taiwanese positions.");
    assert!(has(&r, "China", "Taiwan", Stance::Attack), "{r:?}");
}

#[test]
fn conjoined_subjects_and_mutual_talks() {
    let r = relations("Egypt and Qatar held talks in Cairo.");
    assert!(has(&r, "Egypt", "Qatar", Stance::Neutral), "{r:?}");
    assert!(has(&r, "Qatar", "Egypt", Stance::Neutral), "{r:?}");
    let r = relations("The US and Britain struck Houthi targets.");
    assert!(has(&r, "United States", "Houthis", Stance::Attack), "{r:?}");
    assert!(
        has(&r, "United Kingdom", "Houthis", Stance::Attack),
        "{r:?}"
    );
}

#[test]
fn media_never_take_part() {
    let r = relations("Reuters criticised Russia, and India Today praised Pakistan.");
    assert!(
        r.iter().all(
            |(a, b, _, _)| !["Reuters", "India Today"].contains(&a.as_str())
                && !["Reuters", "India Today"].contains(&b.as_str())
        ),
        "{r:?}"
    );
    let map = map_of("India Today reported on the talks.");
    assert!(
        map.entities.iter().all(|e| e.name != "India"),
        "{:?}",
        map.entities
    );
}

#[test]
fn threats_are_opposition_marked_as_threats() {
    let map = map_of("Trump said the US would strike Iran again if needed.");
    let r = map
        .relations
        .iter()
        .find(|r| r.stance == Stance::Oppose)
        .unwrap_or_else(|| panic!("{:?}", map.relations));
    assert_eq!(
        r.evidence[0].modality,
        Some(stancemap::model::Modality::Threat)
    );
    assert!(map.relations.iter().all(|r| r.stance != Stance::Attack));
}

#[test]
fn unknown_names_appear_only_in_relations() {
    let map = map_of(
        "The Northern Liberation Front attacked Mali. The Eastern Farmers Union met on Monday.",
    );
    let names: Vec<&str> = map.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Northern Liberation Front"), "{names:?}");
    assert!(!names.contains(&"Eastern Farmers Union"), "{names:?}");
}

#[test]
fn every_evidence_sentence_is_in_its_article() {
    let text =
        "Russia backed Syria.\n\nIran, which armed Hezbollah, denied it. Israel struck Gaza.";
    let map = map_of(text);
    for r in &map.relations {
        for e in &r.evidence {
            assert_eq!(
                map.articles[0].sentence_text(e.sentence),
                Some(e.text.as_str())
            );
        }
    }
}

#[test]
fn co_agents_of_one_act_cooperate() {
    let r = relations("Norway and Chile imposed sanctions on Peru.");
    assert!(has(&r, "Norway", "Peru", Stance::Oppose), "{r:?}");
    assert!(has(&r, "Chile", "Peru", Stance::Oppose), "{r:?}");
    assert!(has(&r, "Norway", "Chile", Stance::Cooperate), "{r:?}");
    assert!(has(&r, "Chile", "Norway", Stance::Cooperate), "{r:?}");
    // One actor alone has no partner.
    let r = relations("Norway imposed sanctions on Peru.");
    assert!(!r.iter().any(|x| x.2 == Stance::Cooperate), "{r:?}");
}

#[test]
fn appeals_to_third_parties_are_neutral() {
    let r = relations("Norway urged Chile and Peru to resume talks.");
    assert!(has(&r, "Norway", "Chile", Stance::Neutral), "{r:?}");
    assert!(has(&r, "Norway", "Peru", Stance::Neutral), "{r:?}");
    assert!(!has(&r, "Norway", "Chile", Stance::Cooperate), "{r:?}");
    let r = relations("Norway urged Chile to release the prisoners.");
    assert!(has(&r, "Norway", "Chile", Stance::Oppose), "{r:?}");
}

#[test]
fn tensions_and_disputes_are_mutual() {
    let r = relations("Tensions between Norway and Chile have grown.");
    assert!(has(&r, "Norway", "Chile", Stance::Oppose), "{r:?}");
    assert!(has(&r, "Chile", "Norway", Stance::Oppose), "{r:?}");
    let r = relations("Norway and Chile have been locked in a dispute over fishing rights.");
    assert!(has(&r, "Norway", "Chile", Stance::Oppose), "{r:?}");
    assert!(has(&r, "Chile", "Norway", Stance::Oppose), "{r:?}");
}

#[test]
fn unknown_organisations_by_head_word_acronym_and_class() {
    let text = "Costa fined\n\nThe Federal Competition Authority (FCA) fined Costa Holdings Ltd on Monday. \
                The FCA said it would also investigate. The company said it would appeal \
                against the regulator's decision.";
    let r = relations(text);
    assert!(
        has(
            &r,
            "Federal Competition Authority",
            "Costa Holdings Ltd",
            Stance::Oppose
        ),
        "{r:?}"
    );
    assert!(
        has(
            &r,
            "Costa Holdings Ltd",
            "Federal Competition Authority",
            Stance::Oppose
        ),
        "'the company' and 'the regulator' refer back: {r:?}"
    );
    let map = map_of(text);
    let fca = map
        .entities
        .iter()
        .find(|e| e.name == "Federal Competition Authority")
        .expect("the authority is an actor");
    assert!(
        fca.aliases.iter().any(|a| a.contains("FCA")),
        "{:?}",
        fca.aliases
    );
}

#[test]
fn courts_regulators_and_unions_verbs() {
    let r = relations(
        "Fine for Stat Foods\n\nThe Norwegian Competition Authority fined Stat Foods Group on Monday.\n",
    );
    assert!(
        has(
            &r,
            "Norwegian Competition Authority",
            "Stat Foods Group",
            Stance::Oppose
        ),
        "{r:?}"
    );
    let r =
        relations("Pilots sue\n\nThe Norwegian Pilots Union sued Stat Foods Group on Friday.\n");
    assert!(
        has(
            &r,
            "Norwegian Pilots Union",
            "Stat Foods Group",
            Stance::Oppose
        ),
        "{r:?}"
    );
    let r = relations(
        "Court ruling\n\nStat Foods Group was convicted of fraud by the Oslo District Court.\n",
    );
    assert!(
        has(
            &r,
            "Oslo District Court",
            "Stat Foods Group",
            Stance::Accuse
        ),
        "{r:?}"
    );
}

#[test]
fn a_strike_opposes_the_employer_named_elsewhere() {
    let text = "Strike at Costa Foods\n\nCosta Foods Ltd cut wages in May. \
                The Costa Foods Workers Union went on strike on Monday.\n";
    let r = relations(text);
    assert!(
        has(
            &r,
            "Costa Foods Workers Union",
            "Costa Foods Ltd",
            Stance::Oppose
        ),
        "{r:?}"
    );
    // A military strike has no union to own it.
    let r = relations("Strikes hit Lima\n\nChile carried out strikes on Peru.\n");
    assert!(
        !r.iter().any(|x| x.2 == Stance::Oppose && x.0 != "Chile"),
        "{r:?}"
    );
}

#[test]
fn an_agentless_sentence_is_the_states() {
    let text = "Norway jails activist\n\nNorway has tightened its laws. \
                Opposition leader Ola Berg was sentenced to five years in prison.\n";
    let r = relations(text);
    assert!(has(&r, "Norway", "Ola Berg", Stance::Accuse), "{r:?}");
    assert!(has(&r, "Norway", "Ola Berg", Stance::Attack), "{r:?}");
    // With an agent, the agent acts (and the state does not as well).
    let r = relations(
        "Chile and Peru\n\nPeru said opposition leader Ola Berg was arrested by Chile.\n",
    );
    assert!(has(&r, "Chile", "Ola Berg", Stance::Attack), "{r:?}");
    assert!(!has(&r, "Peru", "Ola Berg", Stance::Attack), "{r:?}");
}

#[test]
fn courts_and_councils_named_by_their_place_are_actors_of_their_own() {
    let r = relations(
        "The Lisbon labour court fined Costa Holdings Ltd on Monday. \
         Later the Ontario government criticised Porto city council.",
    );
    assert!(
        has(
            &r,
            "Lisbon labour court",
            "Costa Holdings Ltd",
            Stance::Oppose
        ),
        "{r:?}"
    );
    assert!(
        has(
            &r,
            "Ontario government",
            "Porto city council",
            Stance::Oppose
        ),
        "{r:?}"
    );
}

#[test]
fn a_shortened_organisation_name_is_the_one_named_in_full() {
    let map = map_of(
        "The Freedonia Constitutional Court banned the Unity Party on Monday. \
         The party said the Constitutional Court had ignored the law. \
         The 2nd Circuit Court of Appeal later rejected the ban. \
         The Court of Appeal criticised the Unity Party.",
    );
    let names: Vec<&str> = map.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Constitutional Court"), "{names:?}");
    assert!(names.contains(&"2nd Circuit Court of Appeal"), "{names:?}");
    assert!(!names.contains(&"Court of Appeal"), "{names:?}");
}

#[test]
fn a_lawsuit_is_an_accusation_as_well_as_opposition_but_a_threat_to_sue_is_not() {
    let r = relations("Costa Holdings Ltd sued Lisbon Airways Ltd on Monday.");
    assert!(
        has(
            &r,
            "Costa Holdings Ltd",
            "Lisbon Airways Ltd",
            Stance::Oppose
        ),
        "{r:?}"
    );
    assert!(
        has(
            &r,
            "Costa Holdings Ltd",
            "Lisbon Airways Ltd",
            Stance::Accuse
        ),
        "{r:?}"
    );
    let r = relations("Costa Holdings Ltd said it will sue Lisbon Airways Ltd.");
    assert!(
        !has(
            &r,
            "Costa Holdings Ltd",
            "Lisbon Airways Ltd",
            Stance::Accuse
        ),
        "{r:?}"
    );
}
