//! What an import did and did not carry over, printed and written to the
//! report file.

use std::collections::BTreeMap;
use std::fmt;

/// One post written: its folder and the files its translations came from.
#[derive(Debug, Clone)]
pub struct Written {
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
    pub written: Vec<Written>,
    /// Posts not written: the folder and why.
    pub skipped_posts: Vec<(String, String)>,
    /// Files not read: the file and why.
    pub skipped_files: Vec<(String, String)>,
    /// Files copied into post folders, as `folder/name`.
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
        !self.errors.is_empty() || (self.written.is_empty() && self.skipped_posts.is_empty())
    }

    /// The posts with both languages.
    pub fn pairs(&self) -> usize {
        self.written
            .iter()
            .filter(|post| post.translations.len() > 1)
            .count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Hugo site {} into {}", self.site, self.content)?;
        match &self.config {
            Some(file) => writeln!(f, "configuration: {file}")?,
            None => writeln!(f, "configuration: none found; the site is taken as English")?,
        }
        writeln!(f, "default language: {}", self.default_lang)?;
        let files: usize = self
            .written
            .iter()
            .map(|post| post.translations.len())
            .sum();
        writeln!(
            f,
            "posts written: {} ({} translation pairs, {} in one language), {files} translation files",
            self.written.len(),
            self.pairs(),
            self.written.len() - self.pairs()
        )?;
        for post in &self.written {
            let sources: Vec<String> = post
                .translations
                .iter()
                .map(|(lang, file)| format!("{lang} ← {file}"))
                .collect();
            writeln!(f, "  {}: {}", post.folder, sources.join(", "))?;
        }
        writeln!(f, "posts skipped: {}", self.skipped_posts.len())?;
        for (folder, why) in &self.skipped_posts {
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
