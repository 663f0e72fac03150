//! The contract between a pre-rendered page and the app that adopts it: the
//! names both sides write and look for. The pre-renderer
//! (`crates/prerender`) writes them into every page; the app's start
//! (`start.rs`) and head (`ui/head.rs`) read them.

/// The `<body>` attribute naming the path a page was pre-rendered for; empty
/// on `404.html`, which is served for paths it was not rendered for.
pub const ROUTE_ATTR: &str = "data-route";

/// The comment after which leptos_meta's head tags begin.
pub const HEAD_MARKER: &str = "HEAD";

/// The `id` of the JSON element that holds the site file (`data/site.txt`,
/// the blog's name and what it says of itself) as a JSON string.
pub const SITE_ID: &str = "site";

/// The `id` of the JSON element that holds the resources a pre-rendered page
/// loaded (a post's body), indexed by resource id.
pub const RESOURCES_ID: &str = "resources";
