//! The search field in the header: a combobox (the ARIA pattern) whose
//! list shows the posts a query finds as the reader types, each with its
//! title, date and a passage with the words marked, linking to the section
//! the passage is in. `/` focuses it; the arrows choose a result, Enter
//! opens it, Escape closes the list. The stylesheet hides it without
//! JavaScript (the search page says why).

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::load::{load, prefetch};
use crate::data::search::{Found, search};
use crate::i18n::{only_in, texts};
use crate::markdown::{self, class, element, text};
use crate::routes::post_path;
use crate::site;
use blog_model::data::{decode_article, post_file};
use blog_model::lang::Lang;
use blog_search::index::Translation;
use blog_search::query::Query;
use blog_search::text::{Terms, fold, is_word_char, words};

/// The search field's id: the view writes it, and what finds the field
/// (the `/` key, the text typed before the app started) looks it up.
const FIELD: &str = "search-input";

/// Results that get a passage from their post's text (fetched, which also
/// makes opening them instant); the rest show title and date.
const PASSAGES: usize = 5;

/// How long the reader pauses before the passages are fetched.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(150);

/// Characters of a passage before its first marked word, and in all.
const BEFORE: usize = 60;
const LENGTH: usize = 180;

/// A result as the list shows it.
#[derive(Clone, PartialEq)]
struct Shown {
    href: String,
    title: String,
    date_label: String,
    /// The passage, in pieces, the marked ones `true`.
    passage: Vec<(String, bool)>,
    /// The language the post is only in, when not the reader's.
    only_in: Option<Lang>,
}

#[derive(Clone, PartialEq)]
enum State {
    Idle,
    Searching,
    Done(Arc<Vec<Shown>>),
    Failed,
}

/// The search field and its list of results.
#[component]
pub fn SearchBox(
    /// The language of the page.
    lang: Signal<Lang>,
) -> impl IntoView {
    // What the reader typed while the page waited for the app is kept and
    // searched once it runs, not set back to empty by hydration.
    let typed = typed_before_start();
    let query = RwSignal::new(typed.clone());
    let state = RwSignal::new(State::Idle);
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    // Each run counts; a run's results show only if no later run started.
    let runs = StoredValue::new(0u32);
    let run = move || {
        let text = query.get_untracked();
        let lang = lang.get_untracked();
        runs.update_value(|runs| *runs += 1);
        let this = runs.get_value();
        let parsed = Query::parse(&text, true);
        if parsed.is_empty() {
            state.set(State::Idle);
            return;
        }
        state.set(State::Searching);
        open.set(true);
        leptos::task::spawn_local(async move {
            let outcome = results(&parsed, lang).await;
            if runs.get_value() != this {
                return;
            }
            active.set(None);
            let Ok((mut shown, translations)) = outcome else {
                state.set(State::Failed);
                return;
            };
            state.set(State::Done(Arc::new(shown.clone())));
            // Then the passages, each cut from its post's file, once the
            // reader pauses (not for every letter typed), fetched together:
            // the results do not wait for them.
            set_timeout(
                move || {
                    if runs.get_value() != this {
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        let translations = &translations[..translations.len().min(PASSAGES)];
                        // Requested together, then cut in order.
                        for translation in translations {
                            prefetch(post_url(translation));
                        }
                        let mut passages = Vec::new();
                        for translation in translations {
                            passages.push(passage(&parsed, translation).await);
                        }
                        if runs.get_value() != this {
                            return;
                        }
                        for (result, (section, passage)) in shown.iter_mut().zip(passages) {
                            if let Some(section) = section {
                                result.href.push('#');
                                result.href.push_str(&section);
                            }
                            result.passage = passage;
                        }
                        state.set(State::Done(Arc::new(shown)));
                    });
                },
                PAUSE,
            );
        });
    };
    if !typed.is_empty() {
        // Once hydrated.
        set_timeout(
            move || {
                run();
                // The list opens where the reader still is.
                open.set(field_has_focus());
            },
            std::time::Duration::ZERO,
        );
    }
    let shown = move || match state.get() {
        State::Done(shown) => shown,
        _ => Arc::new(Vec::new()),
    };
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        let count = shown().len();
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                event.prevent_default();
                open.set(true);
                let down = event.key() == "ArrowDown";
                active.update(|active| {
                    *active = Some(match (*active, down) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(at), true) => (at + 1) % count,
                        (Some(at), false) => (at + count - 1) % count,
                    })
                });
            }
            "Enter" => {
                let chosen = active.get_untracked().or((count > 0).then_some(0));
                // Followed as a click on its link, as the router follows
                // any link (under the base path too).
                let link = chosen.and_then(|at| {
                    use wasm_bindgen::JsCast;
                    document()
                        .get_element_by_id(&format!("search-option-{at}"))
                        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok())
                });
                if let Some(link) = link {
                    event.prevent_default();
                    link.click();
                }
            }
            "Escape" => {
                if open.get_untracked() {
                    open.set(false);
                    active.set(None);
                } else {
                    query.set(String::new());
                    state.set(State::Idle);
                }
            }
            _ => {}
        }
    };
    // The list and the status, drawn as one: the options, then what the
    // search says (with a retry after a failure).
    let panel = move || {
        let lang = lang.get();
        let text_of = texts(lang);
        let state = state.get();
        let mut items = Vec::new();
        let mut grouped = false;
        if let State::Done(shown) = &state {
            for (position, result) in shown.iter().enumerate() {
                if let Some(other) = result.only_in
                    && !grouped
                {
                    grouped = true;
                    let attrs = vec![
                        class("search-group"),
                        ("role", Some("presentation".to_owned())),
                    ];
                    items.push(element("li", attrs, vec![text(only_in(lang, other))]));
                }
                items.push(option(position, result.clone(), active));
            }
        }
        let list = vec![
            ("id", Some("search-results".to_owned())),
            ("role", Some("listbox".to_owned())),
            ("aria-label", Some(text_of.search.to_owned())),
        ];
        let mut status = vec![text(match &state {
            State::Idle => String::new(),
            State::Searching => text_of.searching.to_owned(),
            State::Done(shown) if shown.is_empty() => text_of.no_results.to_owned(),
            State::Done(shown) => results_label(lang, shown.len()),
            State::Failed => text_of.search_failed.to_owned(),
        })];
        if state == State::Failed {
            let retry = vec![("type", Some("button".to_owned())), class("search-retry")];
            status.push(text(" "));
            status.push(element("button", retry, vec![text(text_of.retry)]));
        }
        let status_attrs = vec![class("search-status"), ("role", Some("status".to_owned()))];
        vec![
            element("ul", list, items),
            element("p", status_attrs, status),
        ]
    };
    // One listener for the panel: a click on the retry button runs again;
    // one on a result closes the list once the router has followed it.
    let on_click = move |event: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let Some(target) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if target.class_name() == "search-retry" {
            run();
        } else if target.closest("a").ok().flatten().is_some() {
            set_timeout(
                move || close(open, active, query, state),
                std::time::Duration::ZERO,
            );
        }
    };
    view! {
        <div class="search" role="search">
            <input
                type="search"
                id=FIELD
                class="search-input"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(|at| format!("search-option-{at}"))
                aria-label=move || texts(lang.get()).search_label
                placeholder=move || texts(lang.get()).search_placeholder
                prop:value=move || query.get()
                on:input=move |event| {
                    query.set(event_target_value(&event));
                    run();
                }
                on:focus=move |_| open.set(query.with_untracked(|q| !q.trim().is_empty()))
                on:keydown=on_key
            />
            <div class="search-panel" hidden=move || !open.get()
                on:mousedown=|event| event.prevent_default() on:click=on_click>
                {panel}
            </div>
        </div>
    }
}

/// The text in the pre-rendered page's search field, typed before the app
/// started (on a slow connection the page is read, and searched, before
/// the wasm has come); empty when none, or where there is no page yet.
fn typed_before_start() -> String {
    #[cfg(not(feature = "ssr"))]
    {
        use wasm_bindgen::JsCast;
        // Told apart by its tag, not `dyn_into`: the app's glue already has
        // `tagName` and the input's `value`, not an `instanceof` for inputs.
        document()
            .get_element_by_id(FIELD)
            .filter(|element| element.tag_name() == "INPUT")
            .map(|input| input.unchecked_into::<web_sys::HtmlInputElement>().value())
            .unwrap_or_default()
    }
    #[cfg(feature = "ssr")]
    String::new()
}

/// Whether the search field has the focus.
fn field_has_focus() -> bool {
    #[cfg(not(feature = "ssr"))]
    {
        // `activeElement` read by `Reflect.get`, which the app's glue has (a
        // getter of its own would add to it); `:focus` does not match while
        // the window is not focused, as with WebKit's windows side by side.
        let document = document();
        let active = js_sys::Reflect::get(&document, &"activeElement".into());
        match (active, document.get_element_by_id(FIELD)) {
            (Ok(active), Some(field)) => active == wasm_bindgen::JsValue::from(field),
            _ => false,
        }
    }
    #[cfg(feature = "ssr")]
    false
}

/// Closes the list and forgets the query: a result was opened.
fn close(
    open: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
    query: RwSignal<String>,
    state: RwSignal<State>,
) {
    open.set(false);
    active.set(None);
    query.set(String::new());
    state.set(State::Idle);
}

/// `3 posts found`: what the status says when there are results.
fn results_label(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::En, 1) => "1 post found".to_owned(),
        (Lang::En, n) => format!("{n} posts found"),
        (Lang::De, 1) => "1 Beitrag gefunden".to_owned(),
        (Lang::De, n) => format!("{n} Beiträge gefunden"),
    }
}

/// One result: a link with its title, date and passage; text only, never
/// markup from the index or the post.
fn option(position: usize, result: Shown, active: RwSignal<Option<usize>>) -> AnyView {
    let passage: Vec<AnyView> = result
        .passage
        .into_iter()
        .map(|(piece, marked)| {
            if marked {
                element("mark", Vec::new(), vec![text(piece)])
            } else {
                text(piece)
            }
        })
        .collect();
    let mut inside = vec![
        element(
            "span",
            vec![class("search-title")],
            vec![text(result.title)],
        ),
        element(
            "span",
            vec![class("search-date")],
            vec![text(result.date_label)],
        ),
    ];
    if !passage.is_empty() {
        inside.push(element("span", vec![class("search-passage")], passage));
    }
    // The link is the option (an option's content is presentational, so a
    // link inside one would be a control nobody can reach); out of the
    // tab order, as the field holds the focus.
    view! {
        <li role="none">
            <a role="option" id=format!("search-option-{position}") class="search-option"
                href=result.href tabindex="-1"
                aria-selected=move || if active.get() == Some(position) { "true" } else { "false" }>
                {inside}
            </a>
        </li>
    }
    .into_any()
}

/// The results of `query`, in `lang` where the post has it, without their
/// passages yet; and the translations shown, in the same order.
async fn results(query: &Query, lang: Lang) -> Result<(Vec<Shown>, Vec<Translation>), ()> {
    let found = search(query, lang).await.map_err(|_| ())?;
    let mut shown = Vec::new();
    let mut translations = Vec::new();
    for Found { doc, in_lang } in found {
        let Some(translation) = doc.in_lang(lang).cloned() else {
            continue;
        };
        shown.push(Shown {
            href: post_path(translation.lang, &translation.slug),
            title: translation.title.clone(),
            date_label: translation.date_label.clone(),
            passage: Vec::new(),
            only_in: (!in_lang).then_some(translation.lang),
        });
        translations.push(translation);
    }
    Ok((shown, translations))
}

/// Where the translation's file is.
fn post_url(translation: &Translation) -> String {
    site::path(&post_file(translation.lang, &translation.slug))
}

/// The first passage of the translation's text with a word of the query,
/// cut around it, and the section it is in; nothing when the post's file
/// cannot be had or no word is found as written (a typo, the other
/// language's words).
async fn passage(
    query: &Query,
    translation: &Translation,
) -> (Option<String>, Vec<(String, bool)>) {
    let Ok(file) = load(&post_url(translation)).await else {
        return (None, Vec::new());
    };
    let Ok(article) = decode_article(&file) else {
        return (None, Vec::new());
    };
    let terms = Terms::new(translation.lang);
    let matches = |word: &str| {
        let folded = fold(word);
        let term = terms.term(word);
        query.words.iter().any(|wanted| {
            term.as_ref().is_some_and(|term| {
                wanted.terms.contains(term)
                    || wanted
                        .terms
                        .iter()
                        .any(|w| w.len() >= 4 && term.ends_with(w.as_str()))
            }) || wanted
                .prefix
                .as_ref()
                .is_some_and(|prefix| folded.starts_with(prefix.as_str()))
        })
    };
    for block in markdown::text_blocks(&article.body) {
        let marked: Vec<(usize, usize)> = words(&block.text)
            .filter(|(_, word)| matches(word))
            .map(|(start, word)| (start, start + word.len()))
            .collect();
        let Some(&(first, _)) = marked.first() else {
            continue;
        };
        return (block.section, cut(&block.text, first, &marked));
    }
    (None, Vec::new())
}

/// `text` around byte `first`, at most [`LENGTH`] characters from a word
/// start [`BEFORE`] before it, in pieces, `marked` ranges `true`.
fn cut(text: &str, first: usize, marked: &[(usize, usize)]) -> Vec<(String, bool)> {
    let before: Vec<usize> = text[..first].char_indices().map(|(at, _)| at).collect();
    let mut start = before.len().checked_sub(BEFORE).map_or(0, |at| before[at]);
    if start > 0 {
        // From the start of the next whole word.
        let mid_word = text[..start].chars().next_back().is_some_and(is_word_char);
        let mut after = words(&text[start..first]);
        let next = if mid_word { after.nth(1) } else { after.next() };
        start = next.map_or(first, |(at, _)| start + at);
    }
    let end = text[start..]
        .char_indices()
        .nth(LENGTH)
        .map_or(text.len(), |(at, _)| start + at);
    let mut pieces = Vec::new();
    let mut at = start;
    if start > 0 {
        pieces.push(("…".to_owned(), false));
    }
    for &(from, to) in marked {
        if from < at || to > end {
            continue;
        }
        pieces.push((text[at..from].to_owned(), false));
        pieces.push((text[from..to].to_owned(), true));
        at = to;
    }
    pieces.push((text[at..end].to_owned(), false));
    if end < text.len() {
        pieces.push(("…".to_owned(), false));
    }
    pieces.retain(|(piece, _)| !piece.is_empty());
    pieces
}

/// Focuses the search field when the reader types `/` outside a field.
#[cfg(not(feature = "ssr"))]
pub fn listen_for_slash() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let handler =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|event: web_sys::KeyboardEvent| {
            if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let typing = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|element| {
                    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || element
                            .closest("[contenteditable]")
                            .ok()
                            .flatten()
                            .is_some()
                });
            if typing {
                return;
            }
            let input = document()
                .get_element_by_id(FIELD)
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(input) = input {
                event.prevent_default();
                let _ = input.focus();
            }
        });
    let _ =
        document().add_event_listener_with_callback("keydown", handler.as_ref().unchecked_ref());
    handler.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_cut_around_its_first_word_with_the_words_marked() {
        let text = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen Größe sixteen";
        let first = text.find("Größe").unwrap();
        let pieces = cut(text, first, &[(first, first + "Größe".len())]);
        assert_eq!(pieces[0], ("…".to_owned(), false));
        assert!(pieces[1].0.starts_with("eight "), "{pieces:?}");
        assert_eq!(pieces[2], ("Größe".to_owned(), true));
        assert_eq!(pieces[3], (" sixteen".to_owned(), false));
        let short = cut("Edge caching", 0, &[(0, 4)]);
        assert_eq!(
            short,
            [("Edge".to_owned(), true), (" caching".to_owned(), false)]
        );
    }
}
