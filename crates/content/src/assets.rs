//! The static files served beside the app: each post's folder (its images
//! and other files) copied to `posts/<id>/` (a standalone page's to
//! `posts/pages/<name>/`: no post folder is named `pages`), with the pixel
//! size of every image, for the data files to state.

use std::fs;
use std::path::Path;

use crate::library::SourcePost;

/// Where a post's files are served, and the pixel sizes of its images.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published<'a> {
    pub post: &'a SourcePost,
    /// The folder's path from the site's root, e.g. `posts/edge/`.
    pub asset_base: String,
    /// Every file that reads as an image, by path relative to the folder.
    pub images: Vec<(String, u32, u32)>,
    /// The smaller copies of images, by their place in `images`.
    pub variants: std::collections::HashMap<usize, Vec<blog_model::data::Variant>>,
}

/// Copies every post's files into `posts/` below `site` (emptied first).
pub fn write<'a>(site: &Path, posts: &'a [SourcePost]) -> std::io::Result<Vec<Published<'a>>> {
    let root = site.join("posts");
    if root.exists() {
        fs::remove_dir_all(&root)?;
    }
    posts.iter().map(|post| write_post(&root, post)).collect()
}

fn write_post<'a>(root: &Path, post: &'a SourcePost) -> std::io::Result<Published<'a>> {
    let folder = post.kind.folder(&post.id);
    let dir = root.join(&folder);
    fs::create_dir_all(&dir)?;
    let mut images = Vec::new();
    for asset in &post.assets {
        let source = post.dir.join(asset);
        let target = dir.join(asset);
        fs::create_dir_all(target.parent().unwrap_or(&dir))?;
        // A link where the file system allows it: a large blog's images are
        // not copied on every build.
        if fs::hard_link(&source, &target).is_err() {
            fs::copy(&source, &target)?;
        }
        // Files that are not images (or not readable as one) have no size.
        if let Some((width, height)) = crate::image_size::of(&source) {
            images.push((asset.to_string_lossy().replace('\\', "/"), width, height));
        }
    }
    Ok(Published {
        post,
        asset_base: format!("posts/{folder}/"),
        images,
        variants: Default::default(),
    })
}
