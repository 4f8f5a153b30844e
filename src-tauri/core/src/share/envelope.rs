//! The bytes of a `.mendshare` file around the payload.
//!
//! ```text
//! file      = "mendshare 1 " <length of sealed, decimal> "\n" sealed
//! sealed    = an age file (binary) whose plaintext is `inner`
//! inner     = <payload length, u32 big-endian> payload signature
//! payload   = UTF-8 JSON (see `payload.rs`)
//! signature = Ed25519 (64 bytes) over SIGNING_CONTEXT || payload
//! ```
//! The first line names the envelope's version and says how long the sealed part is, so
//! a file cut short is told apart from a damaged one before any decryption.
use super::error::ShareError;
use zeroize::Zeroizing;

/// The largest `.mendshare` file Mend writes or opens.
pub const MAX_SHARE_BYTES: usize = 16 * 1024 * 1024;
/// The envelope version this Mend writes and the only one it opens.
pub const ENVELOPE_VERSION: u32 = 1;
const MAGIC: &str = "mendshare";
/// The first line is short; anything longer is not a share.
const MAX_FIRST_LINE: usize = 40;
const LENGTH_BYTES: usize = 4;
pub(crate) const SIGNATURE_BYTES: usize = 64;
/// What the sender's key signs before the payload, so a Mend signature cannot be taken
/// for a signature over anything else.
pub(crate) const SIGNING_CONTEXT: &[u8] = b"mendshare payload signature v1\n";

/// The message the sender's key signs.
pub(crate) fn signed_message(payload: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut m = Zeroizing::new(Vec::with_capacity(SIGNING_CONTEXT.len() + payload.len()));
    m.extend_from_slice(SIGNING_CONTEXT);
    m.extend_from_slice(payload);
    m
}

pub(crate) fn frame_inner(
    payload: &[u8],
    signature: &[u8; SIGNATURE_BYTES],
) -> Result<Zeroizing<Vec<u8>>, ShareError> {
    let len = u32::try_from(payload.len())
        .map_err(|_| ShareError::OverLimit("a share can be at most 16 MiB"))?;
    let mut out =
        Zeroizing::new(Vec::with_capacity(LENGTH_BYTES + payload.len() + SIGNATURE_BYTES));
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(signature);
    Ok(out)
}

/// The payload and its signature. The age layer has authenticated these bytes, so a
/// length that does not add up was written that way: damaged, not truncated.
pub(crate) fn unframe_inner(inner: &[u8]) -> Result<(&[u8], [u8; SIGNATURE_BYTES]), ShareError> {
    let (len, rest) = inner.split_first_chunk::<LENGTH_BYTES>().ok_or(ShareError::Damaged)?;
    let len = usize::try_from(u32::from_be_bytes(*len)).map_err(|_| ShareError::Damaged)?;
    if rest.len() != len.checked_add(SIGNATURE_BYTES).ok_or(ShareError::Damaged)? {
        return Err(ShareError::Damaged);
    }
    let (payload, signature) = rest.split_at(len);
    let signature: [u8; SIGNATURE_BYTES] = signature.try_into().map_err(|_| ShareError::Damaged)?;
    Ok((payload, signature))
}

pub(crate) fn frame_outer(sealed: &[u8]) -> Result<Vec<u8>, ShareError> {
    let head = format!("{MAGIC} {ENVELOPE_VERSION} {}\n", sealed.len());
    if head.len() + sealed.len() > MAX_SHARE_BYTES {
        return Err(ShareError::OverLimit("a share can be at most 16 MiB"));
    }
    let mut out = Vec::with_capacity(head.len() + sealed.len());
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(sealed);
    Ok(out)
}

/// The sealed (age) part of a share file, once its first line has been checked.
pub(crate) fn unframe_outer(file: &[u8]) -> Result<&[u8], ShareError> {
    if file.len() > MAX_SHARE_BYTES {
        return Err(ShareError::TooLarge);
    }
    let window = &file[..file.len().min(MAX_FIRST_LINE)];
    let Some(end) = window.iter().position(|b| *b == b'\n') else {
        // A file that stops inside what could still become the first line was cut short.
        let magic = format!("{MAGIC} ");
        let could_be_head = window.len() < MAX_FIRST_LINE
            && (window.starts_with(magic.as_bytes()) || magic.as_bytes().starts_with(window))
            && window.iter().skip(magic.len()).all(|b| b.is_ascii_digit() || *b == b' ');
        return Err(if could_be_head && !window.is_empty() {
            ShareError::Truncated
        } else {
            ShareError::NotAShare
        });
    };
    let line = std::str::from_utf8(&file[..end]).map_err(|_| ShareError::NotAShare)?;
    let sealed = &file[end + 1..];
    let mut words = line.split(' ');
    if words.next() != Some(MAGIC) {
        return Err(ShareError::NotAShare);
    }
    let version = words.next().ok_or(ShareError::Damaged)?;
    let length = words.next().ok_or(ShareError::Damaged)?;
    if words.next().is_some() {
        return Err(ShareError::Damaged);
    }
    if !version.bytes().all(|b| b.is_ascii_digit()) || version.is_empty() {
        return Err(ShareError::Damaged);
    }
    match version.parse::<u32>() {
        Ok(ENVELOPE_VERSION) => {}
        // Longer than a u32, or a number above ours: written by a newer Mend.
        _ if version.len() > 1 && version.starts_with('0') => return Err(ShareError::Damaged),
        Ok(v) if v < ENVELOPE_VERSION => return Err(ShareError::Damaged),
        _ => return Err(ShareError::UnknownVersion),
    }
    if length.is_empty()
        || !length.bytes().all(|b| b.is_ascii_digit())
        || (length.len() > 1 && length.starts_with('0'))
    {
        return Err(ShareError::Damaged);
    }
    let length: usize = length.parse().map_err(|_| ShareError::Damaged)?;
    match sealed.len().cmp(&length) {
        std::cmp::Ordering::Less => Err(ShareError::Truncated),
        std::cmp::Ordering::Greater => Err(ShareError::Damaged),
        std::cmp::Ordering::Equal => Ok(sealed),
    }
}
