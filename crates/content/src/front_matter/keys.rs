//! The front matter's keys as written, checked before the YAML is read into
//! fields: a key given twice names both lines, and a key the blog does not
//! know names the one the author probably meant. A YAML parser would stop at
//! the first of these with a message about its own options.

use super::fields::KNOWN;
use crate::diagnostic::{Diagnostic, Location};

/// A top-level key and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key<'a> {
    pub name: &'a str,
    /// The file line.
    pub line: usize,
}

/// The top-level keys of `yaml`, whose first line is file line `first_line`:
/// lines that start, unindented, with a plain or quoted key and a colon.
pub fn top_level_keys(yaml: &str, first_line: usize) -> Vec<Key<'_>> {
    yaml.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let key = line.split_once(':')?.0.trim_end();
            let key = key
                .strip_prefix('"')
                .and_then(|key| key.strip_suffix('"'))
                .or_else(|| {
                    key.strip_prefix('\'')
                        .and_then(|key| key.strip_suffix('\''))
                })
                .unwrap_or(key);
            let plain = !key.is_empty()
                && !line.starts_with([' ', '\t', '#', '-', '{', '['])
                && key
                    .chars()
                    .all(|ch| ch.is_alphanumeric() || matches!(ch, '_' | '-'));
            plain.then_some(Key {
                name: key,
                line: first_line + index,
            })
        })
        .collect()
}

/// A problem for every key given twice or not a front-matter field.
pub fn check(path: &str, keys: &[Key<'_>]) -> Vec<Diagnostic> {
    check_known(path, keys, KNOWN, "field")
}

/// A problem for every key given twice or not in `known` (each a `what`).
pub fn check_known(path: &str, keys: &[Key<'_>], known: &[&str], what: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (index, key) in keys.iter().enumerate() {
        if let Some(first) = keys[..index].iter().find(|other| other.name == key.name) {
            problems.push(
                Diagnostic::error(
                    Location::line(path, key.line),
                    format!(
                        "`{}` is set twice (lines {} and {})",
                        key.name, first.line, key.line
                    ),
                )
                .help("keep one"),
            );
        } else if !known.contains(&key.name) {
            let help = match crate::diagnostic::closest(key.name, known.iter().copied(), 2) {
                Some(known) => format!("did you mean `{known}`?"),
                None => format!("the known fields are {}", list(known)),
            };
            problems.push(
                Diagnostic::error(
                    Location::line(path, key.line),
                    format!("unknown {what} `{}`", key.name),
                )
                .help(help),
            );
        }
    }
    problems
}

fn list(keys: &[&str]) -> String {
    keys.iter()
        .map(|key| format!("`{key}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_keys_are_found_with_their_file_lines() {
        let yaml = "title: T\n  nested: x\n# note: y\n\"date\": 2026-01-01\n- item\n";
        let keys = top_level_keys(yaml, 2);
        assert_eq!(
            keys,
            [
                Key {
                    name: "title",
                    line: 2
                },
                Key {
                    name: "date",
                    line: 5
                }
            ]
        );
    }

    #[test]
    fn a_key_given_twice_names_both_lines() {
        let keys = top_level_keys("title: A\ntitle: B\n", 2);
        let problems = check("content/x/en.md", &keys);
        assert_eq!(
            problems[0].to_string(),
            "content/x/en.md:3:1: error: `title` is set twice (lines 2 and 3)\n  help: keep one"
        );
    }

    #[test]
    fn a_mistyped_key_suggests_the_known_one() {
        let keys = top_level_keys("titel: A\ndescripton: B\ncolour: red\n", 2);
        let help: Vec<_> = check("p.md", &keys)
            .into_iter()
            .map(|problem| problem.help.unwrap())
            .collect();
        assert_eq!(help[0], "did you mean `title`?");
        assert_eq!(help[1], "did you mean `description`?");
        assert!(
            help[2].starts_with("the known fields are `title`"),
            "{}",
            help[2]
        );
    }
}
