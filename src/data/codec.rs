//! How a page's data travels from the pre-rendered page to hydration: as the
//! JSON Leptos's default codec writes (`{"Ok":{"url":…,"text":…}}`), read in
//! the browser by the browser's own JSON parser, so that serde_json's reader
//! is not in the wasm.

use leptos::server::codee::{Decoder, Encoder};

use super::{LoadError, Loaded};

/// What the page's resource holds.
pub type PageValue = Result<Loaded, LoadError>;

/// The codec of the page's resource.
pub struct PageCodec;

impl Encoder<PageValue> for PageCodec {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &PageValue) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl Decoder<PageValue> for PageCodec {
    type Error = ();
    type Encoded = str;

    fn decode(json: &str) -> Result<PageValue, ()> {
        #[cfg(target_arch = "wasm32")]
        {
            decode_in_browser(json).ok_or(())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            serde_json::from_str(json).map_err(|_| ())
        }
    }
}

/// Reads what [`PageCodec`] wrote with `JSON.parse`: `{"Ok":{"url":…,"text":…}}`,
/// or one of `{"Err":"NotData"}`, `{"Err":{"Network":"…"}}`,
/// `{"Err":{"Status":404}}`, `{"Err":{"Malformed":"…"}}`.
#[cfg(target_arch = "wasm32")]
fn decode_in_browser(json: &str) -> Option<PageValue> {
    use wasm_bindgen::JsValue;
    let field = |value: &JsValue, name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .filter(|field| !field.is_undefined())
    };
    let text = |value: &JsValue, name: &str| field(value, name)?.as_string();
    let value = js_sys::JSON::parse(json).ok()?;
    if !value.is_object() {
        return None;
    }
    if let Some(loaded) = field(&value, "Ok") {
        return Some(Ok(Loaded {
            url: text(&loaded, "url")?,
            text: text(&loaded, "text")?,
        }));
    }
    let err = field(&value, "Err")?;
    if err.as_string().as_deref() == Some("NotData") {
        return Some(Err(LoadError::NotData));
    }
    if !err.is_object() {
        return None;
    }
    let err = if let Some(reason) = text(&err, "Network") {
        LoadError::Network(reason)
    } else if let Some(reason) = text(&err, "Malformed") {
        LoadError::Malformed(reason)
    } else {
        LoadError::Status(field(&err, "Status")?.as_f64()? as u16)
    };
    Some(Err(err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        for value in [
            Ok(Loaded {
                url: "/data/en/page/1.txt".to_owned(),
                text: "edgewise-index 2\n\"quoted\" </script>".to_owned(),
            }),
            Err(LoadError::NotData),
            Err(LoadError::Status(404)),
            Err(LoadError::Network("offline".to_owned())),
            Err(LoadError::Malformed("cut short".to_owned())),
        ] {
            let json = PageCodec::encode(&value).unwrap();
            assert_eq!(PageCodec::decode(&json), Ok(value));
        }
    }
}
