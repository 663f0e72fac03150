//! The words posts are made of, each as an English and German pair that
//! fill the same place in a sentence, so a post's translation has the same
//! shape as its original. The German side has umlauts and `ß` throughout,
//! so slugs and search go through transliteration.

use blog_model::lang::Lang;

/// A piece of text in English and German.
pub type Pair = (&'static str, &'static str);

/// The side of `pair` in `lang`.
pub fn say(pair: Pair, lang: Lang) -> &'static str {
    match lang {
        Lang::En => pair.0,
        Lang::De => pair.1,
    }
}

/// What posts are about. Plural or uncountable nouns without an article,
/// so they fit every title and description below.
pub const TOPICS: &[Pair] = &[
    ("Edge Caching", "Edge-Caching"),
    ("Error Handling in Rust", "Fehlerbehandlung in Rust"),
    ("Static Site Generators", "Statische Seitengeneratoren"),
    ("Database Migrations", "Datenbankmigrationen"),
    ("Code Reviews", "Code-Reviews"),
    ("Feature Flags", "Feature-Flags"),
    ("Type Systems", "Typsysteme"),
    ("Accessibility Audits", "Barrierefreiheitsprüfungen"),
    ("Load Balancing", "Lastverteilung"),
    ("Memory Safety", "Speichersicherheit"),
    ("Build Caches", "Build-Caches"),
    ("Incident Reviews", "Störungsanalysen"),
    ("Web Fonts", "Webschriften"),
    ("Image Compression", "Bildkomprimierung"),
    ("Dependency Updates", "Abhängigkeitsupdates"),
    ("Pair Programming", "Paarprogrammierung"),
    ("Observability", "Beobachtbarkeit"),
    ("Rate Limiting", "Ratenbegrenzung"),
    ("Schema Design", "Schemaentwurf"),
    ("Time Zones", "Zeitzonen"),
    ("Unicode Normalization", "Unicode-Normalisierung"),
    ("Message Queues", "Nachrichtenwarteschlangen"),
    ("Background Jobs", "Hintergrundaufgaben"),
    ("Cold Starts", "Kaltstarts"),
    ("Release Trains", "Release-Züge"),
    ("Offline-First Apps", "Offline-First-Apps"),
    ("Content Security Policies", "Content-Security-Policies"),
    ("Password Hashing", "Passwort-Hashing"),
    ("Search Indexes", "Suchindizes"),
    ("Fuzz Testing", "Fuzz-Tests"),
    ("Server Rendering", "Server-Rendering"),
    ("Keyboard Navigation", "Tastaturnavigation"),
    ("Dark Mode", "Dunkelmodus"),
    ("Error Budgets", "Fehlerbudgets"),
    ("Capacity Planning", "Kapazitätsplanung"),
    ("Log Rotation", "Logrotation"),
    ("Backups", "Datensicherungen"),
    ("Disaster Recovery", "Notfallwiederherstellung"),
    ("Energy Efficiency", "Energieeffizienz"),
    ("Open Source Maintenance", "Open-Source-Pflege"),
    ("Documentation", "Dokumentation"),
    ("Onboarding", "Einarbeitung"),
    ("Remote Work", "Fernarbeit"),
    ("Translations", "Übersetzungen"),
    ("Key Management", "Schlüsselverwaltung"),
    ("Access Control", "Zugriffskontrolle"),
    ("Checksums", "Prüfsummen"),
    ("Backward Compatibility", "Rückwärtskompatibilität"),
    ("API Design", "API-Entwurf"),
    ("Mainframes", "Großrechner"),
    ("Bundle Sizes", "Bundle-Größen"),
    ("Street Data", "Straßendaten"),
    ("Retry Strategies", "Wiederholungsstrategien"),
    ("Connection Pools", "Verbindungspools"),
    ("Cache Invalidation", "Cache-Invalidierung"),
    ("Continuous Delivery", "Continuous Delivery"),
    ("Monorepos", "Monorepos"),
    ("Code Ownership", "Code-Verantwortung"),
    ("Measurement Units", "Maßeinheiten"),
    ("Print Stylesheets", "Druck-Stylesheets"),
];

/// Tags of generated posts: an id, and its label in English and German.
/// None shares an id or a slug with the blog's own tags or the fixtures'.
pub const TAGS: &[(&str, Pair)] = &[
    ("performance", ("Performance", "Leistung")),
    ("reliability", ("Reliability", "Zuverlässigkeit")),
    ("databases", ("Databases", "Datenbanken")),
    ("rust", ("Rust", "Rust")),
    ("web", ("The Web", "Das Web")),
    ("teamwork", ("Teamwork", "Zusammenarbeit")),
    ("operations", ("Operations", "Betrieb")),
    ("accessibility", ("Accessibility", "Barrierefreiheit")),
    ("testing", ("Testing", "Testen")),
    ("privacy", ("Privacy", "Datenschutz")),
    ("tooling", ("Tooling", "Werkzeuge")),
    ("design", ("Design", "Gestaltung")),
];

/// Titles about one topic, `{t}`.
pub const TITLES: &[Pair] = &[
    (
        "A Practical Guide to {t}",
        "Ein praktischer Leitfaden zu {t}",
    ),
    ("What I Learned About {t}", "Was ich über {t} gelernt habe"),
    ("Five Myths About {t}", "Fünf Irrtümer über {t}"),
    ("{t} for Beginners", "{t} für Einsteiger"),
    ("{t}: An Overview", "{t}: Ein Überblick"),
    ("The Case for {t}", "Ein Plädoyer für {t}"),
    ("{t} in Practice", "{t} in der Praxis"),
    ("{t}, Rethought", "{t} neu gedacht"),
    ("Common Mistakes with {t}", "Häufige Fehler bei {t}"),
    ("Measuring {t}", "{t} messen"),
    ("A Year of {t}", "Ein Jahr mit {t}"),
    ("{t} Without Compromise", "{t} ohne Kompromisse"),
    ("Notes on {t}", "Notizen zu {t}"),
    (
        "Introducing {t} Step by Step",
        "{t} Schritt für Schritt einführen",
    ),
    ("{t} at Scale", "{t} im großen Maßstab"),
    ("Less Trouble with {t}", "Weniger Ärger mit {t}"),
    ("Questions About {t}", "Fragen zu {t}"),
    ("{t} on a Budget", "{t} mit kleinem Budget"),
    ("The Hidden Costs of {t}", "Die versteckten Kosten von {t}"),
    ("{t} in Ten Minutes", "{t} in zehn Minuten"),
    (
        "Lessons from Ten Years of {t}",
        "Lehren aus zehn Jahren {t}",
    ),
];

/// Titles about two topics, `{t}` and `{u}`.
pub const TWO_TOPIC_TITLES: &[Pair] = &[
    ("{t} and {u}", "{t} und {u}"),
    ("From {t} to {u}", "Von {t} zu {u}"),
    ("{t} or {u}?", "{t} oder {u}?"),
    ("{t} after {u}", "{t} nach {u}"),
];

/// Descriptions of a post about `{t}`; each well under 160 characters.
pub const DESCRIPTIONS: &[Pair] = &[
    (
        "What we learned running {t} in production: the numbers, the mistakes and a checklist to start with.",
        "Was wir beim Einsatz von {t} im Betrieb gelernt haben: Zahlen, Fehler und eine Checkliste für den Anfang.",
    ),
    (
        "A hands-on look at {t}, with examples, measurements and the trade-offs nobody mentions.",
        "Ein praktischer Blick auf {t}, mit Beispielen, Messungen und den Abwägungen, über die kaum jemand spricht.",
    ),
    (
        "The hard parts of {t}, and the small habits that make them manageable.",
        "Die schwierigen Seiten von {t} und die kleinen Gewohnheiten, die sie beherrschbar machen.",
    ),
    (
        "Notes from a year with {t}: what worked, what did not, and what we would do again.",
        "Notizen aus einem Jahr mit {t}: was funktioniert hat, was nicht und was wir wieder tun würden.",
    ),
    (
        "A short tour of {t} for teams that want results without a rewrite.",
        "Eine kurze Tour durch {t} für Teams, die Ergebnisse ohne Neuschreiben wollen.",
    ),
    (
        "Everything about {t} we wish we had known before the first outage.",
        "Alles über {t}, was wir gern vor dem ersten Ausfall gewusst hätten.",
    ),
];

/// Section headings (`##`).
pub const HEADINGS: &[Pair] = &[
    ("Background", "Hintergrund"),
    ("What We Measured", "Was wir gemessen haben"),
    ("The Setup", "Der Aufbau"),
    ("First Results", "Erste Ergebnisse"),
    ("Where It Breaks", "Wo es hakt"),
    ("Trade-offs", "Abwägungen"),
    ("Lessons Learned", "Was wir gelernt haben"),
    ("Next Steps", "Nächste Schritte"),
    ("A Closer Look", "Ein genauerer Blick"),
    ("Common Pitfalls", "Häufige Stolperfallen"),
    ("Measuring Progress", "Fortschritt messen"),
    ("Why It Matters", "Warum es zählt"),
    ("The Hard Parts", "Die schwierigen Teile"),
    ("Tooling", "Werkzeuge"),
    ("The Numbers", "Die Zahlen"),
    ("Costs", "Kosten"),
    ("Security", "Sicherheit"),
    ("Performance", "Leistung"),
    ("Rolling It Out", "Die Einführung"),
    ("Maintenance", "Wartung"),
    ("Open Questions", "Offene Fragen"),
    ("Alternatives", "Alternativen"),
    ("A Second Attempt", "Ein zweiter Versuch"),
    ("Edge Cases", "Grenzfälle"),
    ("The Bigger Picture", "Das größere Bild"),
    ("Looking Back", "Rückblick"),
    ("Team Habits", "Gewohnheiten im Team"),
    ("Failure Modes", "Fehlerbilder"),
    ("Growing Further", "Weiteres Wachstum"),
];

/// The last section's heading, when a post has one.
pub const SUMMARY: Pair = ("Summary", "Zusammenfassung");

/// Subsection headings (`###`).
pub const SUBHEADINGS: &[Pair] = &[
    ("A Quick Example", "Ein kurzes Beispiel"),
    ("Caveats", "Einschränkungen"),
    ("In Detail", "Im Detail"),
    ("Configuration", "Konfiguration"),
    ("On Small Machines", "Auf kleinen Maschinen"),
    ("Under Load", "Unter Last"),
    ("What Surprised Us", "Was uns überrascht hat"),
    ("Debugging", "Fehlersuche"),
    ("Testing It", "Testen"),
    ("Costs in Practice", "Kosten in der Praxis"),
    ("A Note on Defaults", "Ein Wort zu Voreinstellungen"),
    ("Migration", "Migration"),
    ("Rollback", "Rückweg"),
    ("Monitoring", "Überwachung"),
    ("Naming", "Benennung"),
    ("Orders of Magnitude", "Größenordnungen"),
];

/// Who or what a sentence is about: singular, with its article.
pub const SUBJECTS: &[Pair] = &[
    ("The build", "Der Build"),
    ("Our team", "Unser Team"),
    ("Every request", "Jede Anfrage"),
    ("The cache", "Der Cache"),
    ("A small change", "Eine kleine Änderung"),
    ("The compiler", "Der Compiler"),
    ("The test suite", "Die Testsuite"),
    ("This approach", "Dieser Ansatz"),
    ("The first version", "Die erste Version"),
    ("The database", "Die Datenbank"),
    ("The browser", "Der Browser"),
    ("The scheduler", "Der Scheduler"),
    ("The new setup", "Der neue Aufbau"),
    ("Each release", "Jedes Release"),
    ("The proxy", "Der Proxy"),
    ("The biggest bottleneck", "Der größte Engpass"),
    ("The review process", "Der Review-Prozess"),
    ("The monitoring", "Die Überwachung"),
    ("A failing check", "Eine fehlschlagende Prüfung"),
    ("The old system", "Das alte System"),
];

/// Verbs in the third person singular, taking an object.
pub const VERBS: &[Pair] = &[
    ("speeds up", "beschleunigt"),
    ("measures", "misst"),
    ("replaces", "ersetzt"),
    ("simplifies", "vereinfacht"),
    ("delays", "verzögert"),
    ("reveals", "zeigt"),
    ("protects", "schützt"),
    ("checks", "prüft"),
    ("takes over", "übernimmt"),
    ("avoids", "vermeidet"),
    ("changes", "verändert"),
    ("hides", "verbirgt"),
    ("shortens", "verkürzt"),
    ("doubles", "verdoppelt"),
    ("needs", "benötigt"),
    ("tolerates", "verträgt"),
    ("touches", "berührt"),
    ("ignores", "ignoriert"),
    ("documents", "dokumentiert"),
    ("improves", "verbessert"),
];

/// Objects, in German in the accusative.
pub const OBJECTS: &[Pair] = &[
    ("the critical path", "den kritischen Pfad"),
    ("every deploy", "jedes Deployment"),
    ("the hot loop", "die heiße Schleife"),
    ("cold starts", "Kaltstarts"),
    ("the error budget", "das Fehlerbudget"),
    ("the release notes", "die Versionshinweise"),
    ("stale data", "veraltete Daten"),
    ("the slowest query", "die langsamste Abfrage"),
    ("a second round trip", "einen zweiten Umlauf"),
    ("the public interface", "die öffentliche Schnittstelle"),
    ("larger dependencies", "größere Abhängigkeiten"),
    ("excessive waiting times", "übermäßige Wartezeiten"),
    ("difficult transitions", "schwierige Übergänge"),
    ("the memory footprint", "den Speicherbedarf"),
    ("the startup time", "die Startzeit"),
    ("every login", "jede Anmeldung"),
    ("the nightly backup", "die nächtliche Sicherung"),
    ("the migration plan", "den Migrationsplan"),
    ("the font loading", "das Laden der Schriften"),
    ("the key rotation", "den Schlüsseltausch"),
    ("the size of the bundle", "die Größe des Bundles"),
    ("the weekly report", "den Wochenbericht"),
];

/// How, where or when, at a sentence's end.
pub const TAILS: &[Pair] = &[
    ("in practice", "in der Praxis"),
    ("without much effort", "ohne großen Aufwand"),
    ("more often than expected", "öfter als erwartet"),
    ("under load", "unter Last"),
    ("on slow devices", "auf langsamen Geräten"),
    ("after a week", "nach einer Woche"),
    ("at scale", "im großen Maßstab"),
    ("for good reasons", "aus gutem Grund"),
    ("in most projects", "in den meisten Projekten"),
    ("for everyone involved", "für alle Beteiligten"),
    ("early on", "schon früh"),
    ("quite rightly", "völlig zu Recht"),
    ("every single time", "jedes einzelne Mal"),
    ("on Mondays", "montags"),
    ("behind the scenes", "hinter den Kulissen"),
    ("in the background", "im Hintergrund"),
    ("step by step", "Schritt für Schritt"),
    ("despite the extra work", "trotz der Mehrarbeit"),
];

/// The start of a sentence; in German the verb comes next.
pub const OPENERS: &[Pair] = &[
    ("In practice", "In der Praxis"),
    ("Most of the time", "Meistens"),
    ("After the change", "Nach der Änderung"),
    ("On slow phones", "Auf langsamen Telefonen"),
    ("Since last year", "Seit letztem Jahr"),
    ("Under heavy load", "Unter hoher Last"),
    ("Surprisingly", "Überraschenderweise"),
    ("For small teams", "Für kleine Teams"),
    ("In our experience", "Nach unserer Erfahrung"),
    ("At first", "Zunächst"),
];

/// Commands and names quoted as inline code.
pub const INLINE_CODE: &[&str] = &[
    "cargo test",
    "Cache-Control: no-cache",
    "git bisect",
    "EXPLAIN ANALYZE",
    "RUST_LOG=debug",
    "opt-level = 3",
    "fetch()",
    "Vec::with_capacity",
    "--locked",
    "max_connections",
    "prefers-color-scheme",
    "Ordering::Relaxed",
    "tokio::spawn",
    "du -sh",
    "npm ci",
];

/// Sentences about a piece of inline code, `{c}`; the German takes an
/// object or an effect where the English does.
pub const CODE_SENTENCES: &[Pair] = &[
    (
        "Setting `{c}` is usually enough.",
        "Mit `{c}` reicht es meistens.",
    ),
    (
        "Setting `{c}` changes the picture completely.",
        "Mit `{c}` ändert sich das Bild völlig.",
    ),
    (
        "Adding `{c}` saves a surprising amount of time.",
        "Mit `{c}` spart man überraschend viel Zeit.",
    ),
    (
        "Running `{c}` makes the problem visible.",
        "Mit `{c}` wird das Problem sichtbar.",
    ),
    (
        "With `{c}`, the output stays stable.",
        "Mit `{c}` bleibt die Ausgabe stabil.",
    ),
];

/// Pages on other sites: the link's text (in German in the nominative) and
/// its address.
pub const SITES: &[(Pair, &str)] = &[
    (
        ("the Rust book", "das Rust-Buch"),
        "https://doc.rust-lang.org/book/",
    ),
    (
        (
            "MDN's guide to HTTP caching",
            "der MDN-Leitfaden zum HTTP-Caching",
        ),
        "https://developer.mozilla.org/en-US/docs/Web/HTTP/Caching",
    ),
    (
        ("RFC 9110", "RFC 9110"),
        "https://www.rfc-editor.org/rfc/rfc9110",
    ),
    (
        ("the CommonMark spec", "die CommonMark-Spezifikation"),
        "https://spec.commonmark.org/",
    ),
    (
        ("the SQLite documentation", "die SQLite-Dokumentation"),
        "https://www.sqlite.org/docs.html",
    ),
    (
        ("the WCAG quick reference", "die WCAG-Kurzreferenz"),
        "https://www.w3.org/WAI/WCAG22/quickref/",
    ),
    (
        ("the PostgreSQL manual", "das PostgreSQL-Handbuch"),
        "https://www.postgresql.org/docs/current/",
    ),
    (
        ("the Unicode standard", "der Unicode-Standard"),
        "https://www.unicode.org/standard/standard.html",
    ),
];

/// Lead-ins for a list.
pub const LIST_LEADS: &[Pair] = &[
    ("The short version:", "Die Kurzfassung:"),
    ("What helped most:", "Was am meisten geholfen hat:"),
    ("Our checklist:", "Unsere Checkliste:"),
    ("What we do now:", "Was wir heute tun:"),
];

/// Lead-ins for a numbered list.
pub const STEP_LEADS: &[Pair] = &[
    ("In order:", "Der Reihe nach:"),
    (
        "The steps, as we run them:",
        "Die Schritte, wie wir sie ausführen:",
    ),
    ("How a change goes out:", "So geht eine Änderung hinaus:"),
];

/// Lead-ins for a task list.
pub const TASK_LEADS: &[Pair] = &[
    ("Where we stand:", "Wo wir stehen:"),
    ("Still to do:", "Noch offen:"),
];

/// Items of bullet lists and task lists.
pub const ITEMS: &[Pair] = &[
    (
        "Measure before changing anything",
        "Vor jeder Änderung messen",
    ),
    (
        "Keep the old path working until the new one is proven",
        "Den alten Weg behalten, bis der neue sich bewährt hat",
    ),
    ("Write down every assumption", "Jede Annahme aufschreiben"),
    (
        "Automate the boring checks",
        "Die langweiligen Prüfungen automatisieren",
    ),
    (
        "Review the logs after each release",
        "Nach jedem Release die Logs prüfen",
    ),
    (
        "Set a budget for `p95` latency",
        "Ein Budget für die `p95`-Latenz festlegen",
    ),
    ("Document the rollback", "Den Rückweg dokumentieren"),
    (
        "Ask the people on call",
        "Die Leute in Rufbereitschaft fragen",
    ),
    ("Delete unused flags", "Ungenutzte Flags löschen"),
    ("Pin the toolchain", "Die Toolchain festschreiben"),
    ("Test on a slow phone", "Auf einem langsamen Telefon testen"),
    (
        "Check the **largest** tables first",
        "Die **größten** Tabellen zuerst prüfen",
    ),
    (
        "Share the results with the team",
        "Die Ergebnisse mit dem Team teilen",
    ),
    (
        "Plan for failure, not for success",
        "Für den Fehlerfall planen, nicht für den Erfolg",
    ),
    (
        "Keep changes small and *reversible*",
        "Änderungen klein und *umkehrbar* halten",
    ),
    (
        "Read the changelog before upgrading",
        "Vor dem Upgrade die Änderungshistorie lesen",
    ),
];

/// Items of numbered lists.
pub const STEPS: &[Pair] = &[
    (
        "Reproduce the problem on a clean machine",
        "Das Problem auf einer sauberen Maschine nachstellen",
    ),
    (
        "Run `cargo build --release`",
        "`cargo build --release` ausführen",
    ),
    (
        "Compare the numbers with last week's",
        "Die Zahlen mit denen der Vorwoche vergleichen",
    ),
    (
        "Turn on the flag for one percent of users",
        "Das Flag für ein Prozent der Nutzer einschalten",
    ),
    (
        "Watch the error rate for an hour",
        "Die Fehlerquote eine Stunde lang beobachten",
    ),
    ("Roll out to everyone", "Für alle ausrollen"),
    ("Write the post-mortem", "Die Nachbetrachtung schreiben"),
    ("Remove the old code path", "Den alten Codepfad entfernen"),
    (
        "Update the documentation",
        "Die Dokumentation aktualisieren",
    ),
    ("Tag the release", "Das Release markieren"),
    ("Back up the database", "Die Datenbank sichern"),
    (
        "Tell support what changed",
        "Dem Support mitteilen, was sich geändert hat",
    ),
];

/// Who a quotation is from.
pub const QUOTED: &[Pair] = &[
    ("a colleague on call", "eine Kollegin in Rufbereitschaft"),
    ("our first reviewer", "unser erster Reviewer"),
    ("a reader, by mail", "ein Leser per E-Mail"),
    ("Jürgen, after the outage", "Jürgen nach dem Ausfall"),
];

/// Footnotes.
pub const NOTES: &[Pair] = &[
    (
        "Measured on a laptop from 2021, with the network throttled to 3G.",
        "Gemessen auf einem Laptop von 2021, mit auf 3G gedrosseltem Netz.",
    ),
    (
        "The numbers are medians of seven runs.",
        "Die Zahlen sind Mediane aus sieben Läufen.",
    ),
    (
        "Your numbers will differ; ours did from week to week.",
        "Ihre Zahlen werden abweichen; unsere taten es von Woche zu Woche.",
    ),
    (
        "We tried this twice before it stuck.",
        "Wir haben das zweimal versucht, bevor es hielt.",
    ),
];

/// A fenced code block: its language, how a line comment starts in it
/// (empty for none), the comment, and the code, where `{n}` is a number.
pub struct Snippet {
    pub lang: &'static str,
    pub comment_start: &'static str,
    pub comment: Pair,
    pub code: &'static str,
}

pub const SNIPPETS: &[Snippet] = &[
    Snippet {
        lang: "rust",
        comment_start: "//",
        comment: (
            "Retry with a growing delay",
            "Mit wachsender Pause wiederholen",
        ),
        code: "fn backoff(attempt: u32) -> Duration {\n    Duration::from_millis({n} * 2u64.pow(attempt.min(6)))\n}",
    },
    Snippet {
        lang: "rust",
        comment_start: "//",
        comment: (
            "Parse once, use everywhere",
            "Einmal lesen, überall verwenden",
        ),
        code: "#[derive(Debug, Clone, PartialEq)]\npub struct Config {\n    pub workers: usize,\n    pub timeout_ms: u64,\n}\n\nimpl Default for Config {\n    fn default() -> Self {\n        Config { workers: 4, timeout_ms: {n} }\n    }\n}",
    },
    Snippet {
        lang: "sh",
        comment_start: "#",
        comment: ("Build and measure", "Bauen und messen"),
        code: "cargo build --release\nhyperfine --warmup 3 './target/release/app --items {n}'",
    },
    Snippet {
        lang: "toml",
        comment_start: "#",
        comment: ("Smaller binaries", "Kleinere Binärdateien"),
        code: "[profile.release]\nopt-level = \"z\"\nlto = true\ncodegen-units = 1\n# {n} KB before",
    },
    Snippet {
        lang: "sql",
        comment_start: "--",
        comment: (
            "The slowest query of the week",
            "Die langsamste Abfrage der Woche",
        ),
        code: "SELECT author, count(*) AS posts\nFROM articles\nWHERE published_at > now() - interval '{n} days'\nGROUP BY author\nORDER BY posts DESC;",
    },
    Snippet {
        lang: "js",
        comment_start: "//",
        comment: ("Fetch with a timeout", "Abrufen mit Zeitlimit"),
        code: "const controller = new AbortController();\nsetTimeout(() => controller.abort(), {n});\nconst response = await fetch(url, { signal: controller.signal });",
    },
    Snippet {
        lang: "python",
        comment_start: "#",
        comment: (
            "Count the words of every post",
            "Die Wörter jedes Beitrags zählen",
        ),
        code: "from pathlib import Path\n\nfor post in sorted(Path(\"content\").glob(\"*/en.md\"))[:{n}]:\n    print(post.parent.name, len(post.read_text().split()))",
    },
    Snippet {
        lang: "yaml",
        comment_start: "#",
        comment: (
            "Run the checks on every push",
            "Die Prüfungen bei jedem Push ausführen",
        ),
        code: "on: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    timeout-minutes: {n}\n    steps:\n      - uses: actions/checkout@v4\n      - run: cargo test --workspace",
    },
    Snippet {
        lang: "json",
        comment_start: "",
        comment: ("", ""),
        code: "{\n  \"cache\": \"max-age={n}\",\n  \"compress\": true,\n  \"regions\": [\"eu-central\", \"us-east\"]\n}",
    },
];

/// Rows of a table of measurements, with their unit.
pub const MEASURED: &[(Pair, &str)] = &[
    (("Cold start", "Kaltstart"), "ms"),
    (("Warm start", "Warmstart"), "ms"),
    (("First byte", "Erstes Byte"), "ms"),
    (("Full page", "Ganze Seite"), "ms"),
    (("Build time", "Bauzeit"), "s"),
    (("Test run", "Testlauf"), "s"),
    (("Largest file", "Größte Datei"), "KB"),
    (("Memory peak", "Speicherspitze"), "MB"),
];

/// Rows of a table of options.
pub const OPTIONS: &[Pair] = &[
    ("Do nothing", "Nichts tun"),
    ("Cache everything", "Alles cachen"),
    ("Rewrite", "Neu schreiben"),
    ("Tune the defaults", "Voreinstellungen anpassen"),
    ("Buy a bigger server", "Einen größeren Server kaufen"),
];

/// How much effort or risk.
pub const LEVELS: &[Pair] = &[("low", "gering"), ("medium", "mittel"), ("high", "hoch")];

/// What came of an option.
pub const VERDICTS: &[Pair] = &[
    ("worth it", "lohnt sich"),
    ("maybe later", "vielleicht später"),
    ("no", "nein"),
];
