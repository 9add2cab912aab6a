//! Phone numbers as the API takes them: E.164, `+` then 8 to 15 digits (contract section 12).
//! People write numbers with spaces, dashes, dots and parentheses; those are removed first, so
//! `+52 (55) 1234-5678` becomes `+525512345678`. Shared by the commands (checked before
//! sending) and the sandbox (which takes only the normalised form, like the API).

/// The fewest and most digits after the `+`.
const MIN_DIGITS: usize = 8;
const MAX_DIGITS: usize = 15;

/// The characters people put in numbers for readability, removed before checking.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')')
}

/// The number in E.164 form, or why it is not one (a reason without the number itself, for
/// the caller to put in context).
pub fn normalize(input: &str) -> Result<String, String> {
    let compact: String = input.chars().filter(|c| !is_separator(*c)).collect();
    check(&compact)?;
    Ok(compact)
}

/// Whether `number` is already in E.164 form, without any separator.
pub fn is_e164(number: &str) -> bool {
    check(number).is_ok()
}

fn check(compact: &str) -> Result<(), String> {
    let Some(digits) = compact.strip_prefix('+') else {
        return Err(if compact.is_empty() {
            "it is empty".to_owned()
        } else {
            "it must start with + and the country code (E.164, such as +525512345678)".to_owned()
        });
    };
    if let Some(bad) = digits.chars().find(|c| !c.is_ascii_digit()) {
        return Err(format!(
            "it may hold only digits after the +, with spaces, dashes, dots or parentheses \
             between them, not {bad:?}"
        ));
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
        return Err(format!(
            "it has {} digits after the +; E.164 numbers have {MIN_DIGITS} to {MAX_DIGITS}",
            digits.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
