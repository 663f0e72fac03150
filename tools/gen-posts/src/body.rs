//! A post's Markdown body in every language at once: the same random
//! choices written in each, so a translation has its original's shape.
//!
//! A body has an introduction, then sections (`##`, some with a `###`)
//! of paragraphs with emphasis, strong text, inline code and links (to
//! other sites, and to other posts as `/<lang>/<slug>/` or `../<slug>/`,
//! the links the checker accepts), and, placed among them, a bullet list,
//! a numbered list, a fenced code block, a table and a blockquote, with now
//! and then a second code block, a task list and footnotes. It ends once it
//! has what it must hold and at least its drawn length, 300 to 1,250 words,
//! so no body is longer than 1,500.

use blog_model::labels::count_words;
use blog_model::lang::Lang;

use crate::plan::{Post, slot};
use crate::words::{
    CODE_SENTENCES, HEADINGS, INLINE_CODE, ITEMS, LEVELS, LIST_LEADS, MEASURED, NOTES, OBJECTS,
    OPENERS, OPTIONS, Pair, QUOTED, SITES, SNIPPETS, STEP_LEADS, STEPS, SUBHEADINGS, SUBJECTS,
    SUMMARY, TAILS, TASK_LEADS, VERBS, VERDICTS, say,
};
use gen_posts::seeded::Rng;

/// Text in every language, in [`Lang::ALL`] order.
type Texts = [String; 2];

/// The words a body is drawn to have, at least.
const WORDS: (usize, usize) = (300, 1250);

/// Past this many words a body grows no more paragraphs.
const LONG: usize = 1250;

/// What a body must hold besides sections of paragraphs, and may.
#[derive(Debug, Clone, Copy)]
enum Extra {
    Bullets,
    Steps,
    Code,
    Table,
    Quote,
    Tasks,
    Footnote,
}

/// The bodies of `plan[index]`, one per language.
pub fn bodies(rng: &mut Rng, plan: &[Post], index: usize) -> Texts {
    let mut writer = Writer::new(rng, plan, index);
    writer.write();
    writer.finish()
}

/// A body being written.
struct Writer<'a> {
    rng: &'a mut Rng,
    plan: &'a [Post],
    index: usize,
    out: Texts,
    words: [usize; 2],
    /// Headings and code snippets not used yet, in the order they will be.
    headings: Vec<usize>,
    subheadings: Vec<usize>,
    snippets: Vec<usize>,
    /// Footnotes referred to so far.
    notes: Vec<Pair>,
    /// Whether the next paragraph refers to a footnote.
    note_due: bool,
}

impl<'a> Writer<'a> {
    fn new(rng: &'a mut Rng, plan: &'a [Post], index: usize) -> Writer<'a> {
        let headings = rng.distinct(HEADINGS.len(), HEADINGS.len());
        let subheadings = rng.distinct(SUBHEADINGS.len(), SUBHEADINGS.len());
        let snippets = rng.distinct(SNIPPETS.len(), SNIPPETS.len());
        Writer {
            rng,
            plan,
            index,
            out: Default::default(),
            words: [0; 2],
            headings,
            subheadings,
            snippets,
            notes: Vec::new(),
            note_due: false,
        }
    }

    fn write(&mut self) {
        let target = self.rng.between(WORDS.0, WORDS.1);
        let mut extras = self.extras();
        self.paragraph();
        if self.rng.chance(50) {
            self.paragraph();
        }
        while !extras.is_empty() || (self.fewest_words() < target && self.most_words() < LONG) {
            // Out of headings, the last section grows.
            if let Some(heading) = self.headings.pop() {
                self.heading(2, HEADINGS[heading]);
            }
            // Past its length, a body only takes in the extras it still lacks.
            let grows = self.most_words() < LONG;
            if grows {
                for _ in 0..self.rng.between(1, 2) {
                    self.paragraph();
                }
            }
            if let Some(extra) = extras.pop() {
                self.extra(extra);
            }
            if grows
                && self.rng.chance(30)
                && let Some(subheading) = self.subheadings.pop()
            {
                self.heading(3, SUBHEADINGS[subheading]);
                self.paragraph();
            }
        }
        if self.most_words() < LONG && self.rng.chance(40) {
            self.heading(2, SUMMARY);
            self.paragraph();
        }
    }

    /// The extras of this body, in the order they come.
    fn extras(&mut self) -> Vec<Extra> {
        let mut extras = vec![
            Extra::Bullets,
            Extra::Steps,
            Extra::Code,
            Extra::Table,
            Extra::Quote,
        ];
        if self.rng.chance(50) {
            extras.push(Extra::Code);
        }
        if self.rng.chance(25) {
            extras.push(Extra::Tasks);
        }
        if self.rng.chance(30) {
            extras.push(Extra::Footnote);
            if self.rng.chance(30) {
                extras.push(Extra::Footnote);
            }
        }
        self.rng.shuffle(&mut extras);
        extras
    }

    /// The bodies, the footnotes at their end.
    fn finish(mut self) -> Texts {
        let notes = std::mem::take(&mut self.notes);
        for (number, note) in notes.into_iter().enumerate() {
            self.push(each(|lang| {
                format!("[^{}]: {}", number + 1, say(note, lang))
            }));
        }
        self.out
            .map(|text| format!("{}\n", text.trim_end_matches('\n')))
    }

    fn push(&mut self, block: Texts) {
        for ((out, words), text) in self.out.iter_mut().zip(&mut self.words).zip(block) {
            *words += count_words(&text);
            out.push_str(&text);
            out.push_str("\n\n");
        }
    }

    fn fewest_words(&self) -> usize {
        self.words.iter().copied().min().unwrap_or(0)
    }

    fn most_words(&self) -> usize {
        self.words.iter().copied().max().unwrap_or(0)
    }

    fn heading(&mut self, level: usize, text: Pair) {
        let marks = "#".repeat(level);
        self.push(each(|lang| format!("{marks} {}", say(text, lang))));
    }

    fn extra(&mut self, extra: Extra) {
        match extra {
            Extra::Bullets => self.list(LIST_LEADS, ITEMS, |_, _| "- ".to_owned()),
            Extra::Steps => self.list(STEP_LEADS, STEPS, |number, _| format!("{number}. ")),
            Extra::Tasks => self.list(TASK_LEADS, ITEMS, |_, done| {
                format!("- [{}] ", if done { 'x' } else { ' ' })
            }),
            Extra::Code => self.code(),
            Extra::Table => self.table(),
            Extra::Quote => self.quote(),
            Extra::Footnote => {
                self.note_due = true;
                self.paragraph();
            }
        }
    }

    fn paragraph(&mut self) {
        let count = self.rng.between(3, 6);
        let mut sentences: Vec<Texts> = (0..count).map(|_| self.sentence()).collect();
        if std::mem::take(&mut self.note_due) {
            let note = *self.rng.pick(NOTES);
            self.notes.push(note);
            let number = self.notes.len();
            let at = self.rng.below(sentences.len());
            for sentence in &mut sentences[at] {
                sentence.push_str(&format!("[^{number}]"));
            }
        }
        self.push(each(|lang| {
            let sentences: Vec<&str> = sentences
                .iter()
                .map(|sentence| sentence[slot(lang)].as_str())
                .collect();
            sentences.join(" ")
        }));
    }

    fn sentence(&mut self) -> Texts {
        match self.rng.below(100) {
            0..12 => self.code_sentence(),
            12..22 => self.site_sentence(),
            22..32 if self.plan.len() > 1 => self.post_sentence(),
            32..52 => self.opened_sentence(),
            _ => self.plain_sentence(),
        }
    }

    /// `The cache speeds up *the hot loop* under load.`
    fn plain_sentence(&mut self) -> Texts {
        let (subject, verb, tail) = (
            *self.rng.pick(SUBJECTS),
            *self.rng.pick(VERBS),
            *self.rng.pick(TAILS),
        );
        let object = self.object();
        each(|lang| {
            format!(
                "{} {} {} {}.",
                say(subject, lang),
                say(verb, lang),
                object[slot(lang)],
                say(tail, lang)
            )
        })
    }

    /// `In practice, the cache speeds up the hot loop.`: in German the verb
    /// comes before the subject.
    fn opened_sentence(&mut self) -> Texts {
        let (opener, subject, verb) = (
            *self.rng.pick(OPENERS),
            *self.rng.pick(SUBJECTS),
            *self.rng.pick(VERBS),
        );
        let object = self.object();
        each(|lang| {
            let (opener, subject, verb) = (say(opener, lang), say(subject, lang), say(verb, lang));
            let subject = lower_first(subject);
            let object = &object[slot(lang)];
            match lang {
                Lang::En => format!("{opener}, {subject} {verb} {object}."),
                Lang::De => format!("{opener} {verb} {subject} {object}."),
            }
        })
    }

    /// An object, now and then emphasised or strong.
    fn object(&mut self) -> Texts {
        let object = *self.rng.pick(OBJECTS);
        let mark = match self.rng.below(100) {
            0..12 => "*",
            12..22 => "**",
            _ => "",
        };
        each(|lang| format!("{mark}{}{mark}", say(object, lang)))
    }

    /// ``Setting `--locked` is usually enough.``
    fn code_sentence(&mut self) -> Texts {
        let (sentence, code) = (*self.rng.pick(CODE_SENTENCES), *self.rng.pick(INLINE_CODE));
        each(|lang| say(sentence, lang).replace("{c}", code))
    }

    /// A sentence linking another site.
    fn site_sentence(&mut self) -> Texts {
        let (label, url) = *self.rng.pick(SITES);
        if self.rng.chance(50) {
            return each(|lang| match lang {
                Lang::En => format!("For background, see [{}]({url}).", say(label, lang)),
                Lang::De => format!("Hintergründe liefert [{}]({url}).", say(label, lang)),
            });
        }
        let object = self.object();
        each(|lang| {
            let label = upper_first(say(label, lang));
            let object = &object[slot(lang)];
            match lang {
                Lang::En => format!("[{label}]({url}) explains {object} in more detail."),
                Lang::De => format!("[{label}]({url}) erklärt {object} ausführlicher."),
            }
        })
    }

    /// A sentence linking another generated post, in the same language
    /// where it has one, else in English.
    fn post_sentence(&mut self) -> Texts {
        let other = (self.index + 1 + self.rng.below(self.plan.len() - 1)) % self.plan.len();
        let other = &self.plan[other];
        let relative = self.rng.chance(40);
        let before = self.rng.chance(50);
        let linked = Lang::ALL.map(|lang| {
            other
                .translation(lang)
                .map(|translation| (lang, translation))
                .or_else(|| Some((Lang::En, other.translation(Lang::En)?)))
        });
        if linked.iter().any(Option::is_none) {
            return self.plain_sentence();
        }
        each(|lang| {
            let Some((shown_in, translation)) = linked[slot(lang)] else {
                return String::new();
            };
            let href = match (relative, shown_in == lang) {
                (true, true) => format!("../{}/", translation.slug),
                (true, false) => format!("../../{}/{}/", shown_in.code(), translation.slug),
                (false, _) => format!("/{}/{}/", shown_in.code(), translation.slug),
            };
            let link = format!("[{}]({href})", translation.title);
            let aside = if shown_in == lang {
                ""
            } else {
                " (auf Englisch)"
            };
            match (lang, before) {
                (Lang::En, true) => format!("We wrote about this before in {link}."),
                (Lang::En, false) => format!("See also {link}."),
                (Lang::De, true) => {
                    format!("Darüber haben wir schon in {link}{aside} geschrieben.")
                }
                (Lang::De, false) => format!("Siehe auch {link}{aside}."),
            }
        })
    }

    /// A lead-in, then three to five items of `items`; `marker` gives each
    /// item's start from its number and whether it is done.
    fn list(&mut self, leads: &[Pair], items: &[Pair], marker: impl Fn(usize, bool) -> String) {
        let lead = *self.rng.pick(leads);
        let count = self.rng.between(3, 5);
        let chosen = self.rng.distinct(count, items.len());
        let done: Vec<bool> = chosen.iter().map(|_| self.rng.chance(50)).collect();
        self.push(each(|lang| say(lead, lang).to_owned()));
        self.push(each(|lang| {
            let lines: Vec<String> = chosen
                .iter()
                .zip(&done)
                .enumerate()
                .map(|(at, (&item, &done))| {
                    format!("{}{}", marker(at + 1, done), say(items[item], lang))
                })
                .collect();
            lines.join("\n")
        }));
    }

    /// A fenced code block with its language, its comment translated.
    fn code(&mut self) {
        let Some(snippet) = self.snippets.pop().map(|at| &SNIPPETS[at]) else {
            return;
        };
        let number = self.rng.between(2, 90) * 10;
        let code = snippet.code.replace("{n}", &number.to_string());
        self.push(each(|lang| {
            let comment = if snippet.comment_start.is_empty() {
                String::new()
            } else {
                format!("{} {}\n", snippet.comment_start, say(snippet.comment, lang))
            };
            format!("```{}\n{comment}{code}\n```", snippet.lang)
        }));
    }

    /// A table of timings, or of options weighed.
    fn table(&mut self) {
        let table = if self.rng.chance(50) {
            self.timings()
        } else {
            self.options()
        };
        self.push(table);
    }

    fn timings(&mut self) -> Texts {
        let count = self.rng.between(3, 6);
        let rows: Vec<(usize, u32, u32)> = self
            .rng
            .distinct(count, MEASURED.len())
            .into_iter()
            .map(|row| {
                let before = self.rng.between(50, 9000) as u32;
                let after = before * self.rng.between(20, 110) as u32 / 100;
                (row, before, after)
            })
            .collect();
        each(|lang| {
            let mut lines = vec![
                match lang {
                    Lang::En => "| Measured | Before | After |".to_owned(),
                    Lang::De => "| Gemessen | Vorher | Nachher |".to_owned(),
                },
                "|---|---:|---:|".to_owned(),
            ];
            lines.extend(rows.iter().map(|&(row, before, after)| {
                let (name, unit) = MEASURED[row];
                format!(
                    "| {} | {} {unit} | {} {unit} |",
                    say(name, lang),
                    tenths(before, lang),
                    tenths(after, lang)
                )
            }));
            lines.join("\n")
        })
    }

    fn options(&mut self) -> Texts {
        let count = self.rng.between(3, 5);
        let rows: Vec<(usize, Pair, Pair, Pair)> = self
            .rng
            .distinct(count, OPTIONS.len())
            .into_iter()
            .map(|row| {
                (
                    row,
                    *self.rng.pick(LEVELS),
                    *self.rng.pick(LEVELS),
                    *self.rng.pick(VERDICTS),
                )
            })
            .collect();
        each(|lang| {
            let mut lines = vec![
                match lang {
                    Lang::En => "| Option | Effort | Risk | Verdict |".to_owned(),
                    Lang::De => "| Variante | Aufwand | Risiko | Urteil |".to_owned(),
                },
                "|---|:---:|:---:|---|".to_owned(),
            ];
            lines.extend(rows.iter().map(|&(row, effort, risk, verdict)| {
                format!(
                    "| {} | {} | {} | {} |",
                    say(OPTIONS[row], lang),
                    say(effort, lang),
                    say(risk, lang),
                    say(verdict, lang)
                )
            }));
            lines.join("\n")
        })
    }

    /// A blockquote of a sentence or two, and who said it.
    fn quote(&mut self) {
        let sentences: Vec<Texts> = (0..self.rng.between(1, 2))
            .map(|_| self.plain_sentence())
            .collect();
        let who = *self.rng.pick(QUOTED);
        self.push(each(|lang| {
            let said: Vec<&str> = sentences
                .iter()
                .map(|sentence| sentence[slot(lang)].as_str())
                .collect();
            format!("> {}\n>\n> — {}", said.join(" "), say(who, lang))
        }));
    }
}

/// `text` for every language.
fn each(text: impl FnMut(Lang) -> String) -> Texts {
    Lang::ALL.map(text)
}

/// `1234` tenths as `123.4` in English, `123,4` in German.
fn tenths(value: u32, lang: Lang) -> String {
    let point = match lang {
        Lang::En => '.',
        Lang::De => ',',
    };
    format!("{}{point}{}", value / 10, value % 10)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
