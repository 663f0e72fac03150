//! The static files served beside the app: each post's folder copied to
//! `posts/<id>/`, and each body written to `bodies/<id>/<lang>.<hash>.md`.
//! Returns where each landed, for the generated index to point at.

use std::fs;
use std::path::Path;

use crate::body_name::body_name;
use crate::library::SourcePost;

/// Where a post's files are served, and the pixel sizes of its images.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published<'a> {
    pub post: &'a SourcePost,
    /// The folder's URL, e.g. `/blog/posts/edge/`.
    pub asset_base: String,
    /// Every file that reads as an image, by path relative to the folder.
    pub images: Vec<(String, u32, u32)>,
    /// Each translation's body URL, in the post's translation order.
    pub body_urls: Vec<String>,
}

/// Writes every post's files below `site` (emptied first), with URLs under
/// `base`, the blog's path.
pub fn write<'a>(
    site: &Path,
    base: &str,
    posts: &'a [SourcePost],
) -> std::io::Result<Vec<Published<'a>>> {
    if site.exists() {
        fs::remove_dir_all(site)?;
    }
    posts
        .iter()
        .map(|post| write_post(site, base, post))
        .collect()
}

fn write_post<'a>(site: &Path, base: &str, post: &'a SourcePost) -> std::io::Result<Published<'a>> {
    let dir = site.join("posts").join(&post.id);
    fs::create_dir_all(&dir)?;
    let mut images = Vec::new();
    for asset in &post.assets {
        let source = post.dir.join(asset);
        let target = dir.join(asset);
        fs::create_dir_all(target.parent().unwrap_or(&dir))?;
        fs::copy(&source, target)?;
        // Files that are not images (or not readable as one) have no size.
        if let Ok(size) = imagesize::size(&source) {
            let width = u32::try_from(size.width).unwrap_or(u32::MAX);
            let height = u32::try_from(size.height).unwrap_or(u32::MAX);
            images.push((asset.to_string_lossy().replace('\\', "/"), width, height));
        }
    }
    // Bodies live apart from the images, in a folder of hashed names only,
    // so that a host can cache all of it for good.
    let body_dir = site.join("bodies").join(&post.id);
    fs::create_dir_all(&body_dir)?;
    let mut body_urls = Vec::new();
    for translation in &post.translations {
        let name = body_name(translation.lang, &translation.body);
        fs::write(body_dir.join(&name), &translation.body)?;
        body_urls.push(format!("{base}bodies/{}/{name}", post.id));
    }
    Ok(Published {
        post,
        asset_base: format!("{base}posts/{}/", post.id),
        images,
        body_urls,
    })
}
