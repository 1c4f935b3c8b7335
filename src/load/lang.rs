//! Which language an article is in, so that a French or Russian article
//! loads with a warning rather than as a silently empty map: the extractor
//! reads English only. whatlang's trigram model, on a sample of the text.

use whatlang::Lang;

/// Enough text to tell a language by its trigrams; more only costs time.
const SAMPLE_BYTES: usize = 20_000;

/// Below this many letters the guess is a coin toss.
const MIN_LETTERS: usize = 60;

/// "looks like French: …" when `text` is reliably not English.
pub(super) fn warning(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    (info.lang() != Lang::Eng && info.is_reliable()).then(|| {
        format!(
            "looks like {}: stancemap reads English articles; the map may be empty",
            info.lang().eng_name()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_russian_are_named_english_is_not() {
        let fr = "Le président français a condamné lundi la décision du gouvernement russe \
                  de suspendre les exportations de céréales vers l'Afrique, selon un communiqué.";
        assert_eq!(
            warning(fr).as_deref(),
            Some("looks like French: stancemap reads English articles; the map may be empty")
        );
        let ru = "Министр иностранных дел России осудил решение правительства Польши \
                  закрыть границу для грузовиков и пообещал ответные меры.";
        assert!(warning(ru).unwrap().starts_with("looks like Russian"));
        let en = "Russia condemned the decision of the Polish government to close the border \
                  to lorries and promised a response within days, officials said.";
        assert_eq!(warning(en), None);
        assert_eq!(warning("Le chat."), None);
    }
}
