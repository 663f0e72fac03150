//! What an import did and did not carry over, printed and written to the
//! report file: the posts and the standalone pages written, each with the
//! files its translations came from, and what was skipped, copied,
//! converted, dropped and left.

use std::collections::BTreeMap;
use std::fmt;

/// One post or page written: its folder and the files its translations
/// came from.
#[derive(Debug, Clone)]
pub struct Written {
    /// Relative to the content folder: `post`, `pages/about`.
    pub folder: String,
    /// Each translation's language code and source file.
    pub translations: Vec<(String, String)>,
}

/// The import's account.
#[derive(Debug, Default)]
pub struct Report {
    pub site: String,
    pub content: String,
    /// The configuration file read, if any.
    pub config: Option<String>,
    pub default_lang: String,
    /// Pages in languages the blog does not have: code and file.
    pub left_out: Vec<(String, String)>,
    /// The posts written.
    pub written: Vec<Written>,
    /// The standalone pages written (`pages/<folder>`).
    pub pages: Vec<Written>,
    /// Posts not written: the folder and why (it exists, and which of
    /// the site's translations it has no file for).
    pub skipped_posts: Vec<(String, String)>,
    /// Standalone pages not written: the folder and why, as for posts.
    pub skipped_pages: Vec<(String, String)>,
    /// Files not read: the file and why.
    pub skipped_files: Vec<(String, String)>,
    /// Files copied into post and page folders, as `folder/name`
    /// (`pages/about/name` for a page).
    pub images: Vec<String>,
    /// Shortcodes converted, by name.
    pub converted: BTreeMap<String, usize>,
    /// Shortcodes left as written: file, line, text.
    pub left: Vec<(String, usize, String)>,
    /// Front matter fields not carried over: file and the keys.
    pub dropped: Vec<(String, Vec<String>)>,
    /// Everything else worth knowing, per file.
    pub notes: Vec<(String, String)>,
    /// Tag ids added to `tags.yml`.
    pub new_tags: Vec<String>,
    /// Files that could not be written.
    pub errors: Vec<String>,
}

impl Report {
    /// Whether the import failed: nothing to import, or a file not written.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
            || (self.written.is_empty()
                && self.pages.is_empty()
                && self.skipped_posts.is_empty()
                && self.skipped_pages.is_empty())
    }

    /// The posts with both languages.
    pub fn pairs(&self) -> usize {
        pairs(&self.written)
    }
}

/// How many of `written` have both languages.
fn pairs(written: &[Written]) -> usize {
    written
        .iter()
        .filter(|post| post.translations.len() > 1)
        .count()
}

/// How many translation files `written` came to.
fn files(written: &[Written]) -> usize {
    written.iter().map(|post| post.translations.len()).sum()
}

/// `1 translation pair`, `2 translation pairs`.
fn counted(count: usize, one: &str) -> String {
    format!("{count} {one}{}", if count == 1 { "" } else { "s" })
}

/// Each of `written`, with the files it came from, a line each.
fn list(f: &mut fmt::Formatter<'_>, written: &[Written]) -> fmt::Result {
    for post in written {
        let sources: Vec<String> = post
            .translations
            .iter()
            .map(|(lang, file)| format!("{lang} ← {file}"))
            .collect();
        writeln!(f, "  {}: {}", post.folder, sources.join(", "))?;
    }
    Ok(())
}

/// The line that counts the standalone pages written:
/// `pages written: 1 (1 translation pair), 2 translation files`, with
/// `, N in one language` after the pairs when there are any.
fn pages_line(pages: &[Written]) -> String {
    let pairs = pairs(pages);
    let single = pages.len() - pairs;
    let single = if single == 0 {
        String::new()
    } else {
        format!(", {single} in one language")
    };
    format!(
        "pages written: {} ({}{single}), {}",
        pages.len(),
        counted(pairs, "translation pair"),
        counted(files(pages), "translation file")
    )
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Hugo site {} into {}", self.site, self.content)?;
        match &self.config {
            Some(file) => writeln!(f, "configuration: {file}")?,
            None => writeln!(f, "configuration: none found; the site is taken as English")?,
        }
        writeln!(f, "default language: {}", self.default_lang)?;
        writeln!(
            f,
            "posts written: {} ({} translation pairs, {} in one language), {} translation files",
            self.written.len(),
            self.pairs(),
            self.written.len() - self.pairs(),
            files(&self.written)
        )?;
        list(f, &self.written)?;
        writeln!(f, "{}", pages_line(&self.pages))?;
        list(f, &self.pages)?;
        writeln!(f, "posts skipped: {}", self.skipped_posts.len())?;
        for (folder, why) in &self.skipped_posts {
            writeln!(f, "  {folder}: {why}")?;
        }
        writeln!(f, "pages skipped: {}", self.skipped_pages.len())?;
        for (folder, why) in &self.skipped_pages {
            writeln!(f, "  {folder}: {why}")?;
        }
        writeln!(f, "images copied: {}", self.images.len())?;
        for image in &self.images {
            writeln!(f, "  {image}")?;
        }
        let converted: usize = self.converted.values().sum();
        let names: Vec<String> = self
            .converted
            .iter()
            .map(|(name, count)| format!("{name} {count}"))
            .collect();
        if names.is_empty() {
            writeln!(f, "shortcodes converted: 0")?;
        } else {
            writeln!(
                f,
                "shortcodes converted: {converted} ({})",
                names.join(", ")
            )?;
        }
        writeln!(f, "shortcodes left as written: {}", self.left.len())?;
        for (file, line, text) in &self.left {
            writeln!(f, "  warning: {file}:{line}: {text}")?;
        }
        writeln!(f, "new tags in tags.yml: {}", self.new_tags.len())?;
        if !self.new_tags.is_empty() {
            writeln!(f, "  {}", self.new_tags.join(", "))?;
        }
        let mut left_out: BTreeMap<&str, usize> = BTreeMap::new();
        for (lang, _) in &self.left_out {
            *left_out.entry(lang).or_default() += 1;
        }
        let languages: Vec<String> = left_out
            .iter()
            .map(|(lang, count)| format!("{lang}: {count}"))
            .collect();
        writeln!(
            f,
            "pages in other languages, left out: {}{}",
            self.left_out.len(),
            if languages.is_empty() {
                String::new()
            } else {
                format!(" ({})", languages.join(", "))
            }
        )?;
        for (lang, file) in &self.left_out {
            writeln!(f, "  {file} ({lang})")?;
        }
        writeln!(f, "fields dropped: {}", self.dropped.len())?;
        for (file, keys) in &self.dropped {
            writeln!(f, "  {file}: {}", keys.join(", "))?;
        }
        writeln!(f, "notes: {}", self.notes.len())?;
        for (file, note) in &self.notes {
            writeln!(f, "  {file}: {note}")?;
        }
        writeln!(f, "files not imported: {}", self.skipped_files.len())?;
        for (file, why) in &self.skipped_files {
            writeln!(f, "  {file}: {why}")?;
        }
        if !self.errors.is_empty() {
            writeln!(f, "errors: {}", self.errors.len())?;
            for error in &self.errors {
                writeln!(f, "  error: {error}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(folder: &str, langs: &[&str]) -> Written {
        Written {
            folder: folder.to_owned(),
            translations: langs
                .iter()
                .map(|lang| ((*lang).to_owned(), format!("content/{folder}.{lang}.md")))
                .collect(),
        }
    }

    #[test]
    fn the_pages_line_counts_pairs_and_files_in_the_singular_and_plural() {
        assert_eq!(
            pages_line(&[]),
            "pages written: 0 (0 translation pairs), 0 translation files"
        );
        assert_eq!(
            pages_line(&[written("pages/about", &["en", "de"])]),
            "pages written: 1 (1 translation pair), 2 translation files"
        );
        assert_eq!(
            pages_line(&[
                written("pages/about", &["en", "de"]),
                written("pages/imprint", &["de"]),
            ]),
            "pages written: 2 (1 translation pair, 1 in one language), 3 translation files"
        );
        assert_eq!(
            pages_line(&[written("pages/imprint", &["de"])]),
            "pages written: 1 (0 translation pairs, 1 in one language), 1 translation file"
        );
    }

    #[test]
    fn pages_are_listed_after_the_posts_and_count_as_something_imported() {
        let report = Report {
            written: vec![written("post", &["en"])],
            pages: vec![written("pages/about", &["en", "de"])],
            ..Report::default()
        };
        let text = report.to_string();
        assert!(
            text.contains(
                "posts written: 1 (0 translation pairs, 1 in one language), 1 translation files\n  post: en ← content/post.en.md\npages written: 1 (1 translation pair), 2 translation files\n  pages/about: en ← content/pages/about.en.md, de ← content/pages/about.de.md\nposts skipped: 0\npages skipped: 0\n"
            ),
            "{text}"
        );
        assert!(!report.failed());
        let only_pages = Report {
            skipped_pages: vec![("pages/about".to_owned(), "exists".to_owned())],
            ..Report::default()
        };
        assert!(!only_pages.failed());
        assert!(Report::default().failed());
    }
}
