//! Python's `%` format strings, parsed when translating (the format string
//! of a `%` must be a constant). The annotator checks the arguments
//! against the conversions; the rtyper turns each conversion into one
//! call of the runtime's string builder.

/// One `%` conversion: the spec text as written (e.g. `%-5.2f`), and its
/// conversion character.
#[derive(Clone, Debug, PartialEq)]
pub struct PercentSpec {
    pub text: String,
    pub conv: char,
    /// No flags, width or precision: `%s`, `%d`, ...
    pub plain: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PercentPiece {
    Lit(String),
    Spec(PercentSpec),
}

/// What a conversion accepts.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum ConvClass {
    /// s r a: any value, through str() or repr().
    Text,
    /// d i: ints, and floats truncated.
    Integer,
    /// o x X c: ints only.
    IntegerOnly,
    /// e E f F g G: numbers as floats.
    Float,
}

impl PercentSpec {
    pub fn class(&self) -> ConvClass {
        match self.conv {
            's' | 'r' | 'a' => ConvClass::Text,
            'd' | 'i' | 'u' => ConvClass::Integer,
            'o' | 'x' | 'X' | 'c' => ConvClass::IntegerOnly,
            _ => ConvClass::Float,
        }
    }

    /// The same flags, width and precision with another conversion.
    pub fn with_conv(&self, conv: char) -> String {
        let mut t = self.text.clone();
        t.pop();
        t.push(conv);
        t
    }
}

/// Splits a format string into literal text and conversions; the error
/// is CPython's message where it has one.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, String> {
    let mut pieces = vec![];
    let mut lit = String::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            lit.push(c);
            continue;
        }
        let mut text = String::from("%");
        let mut plain = true;
        while let Some(&f) = chars.peek() {
            if "-+ #0".contains(f) {
                text.push(f);
                plain = false;
                chars.next();
            } else {
                break;
            }
        }
        while let Some(&d) = chars.peek() {
            if d.is_ascii_digit() || d == '.' {
                text.push(d);
                plain = false;
                chars.next();
            } else if d == '*' {
                return Err("`*` widths and precisions in % formats are not supported".into());
            } else if d == '(' {
                return Err("`%(name)` formats are not supported yet".into());
            } else {
                break;
            }
        }
        let Some(conv) = chars.next() else {
            return Err("incomplete format".into());
        };
        if conv == '%' && text == "%" {
            lit.push('%');
            continue;
        }
        if !"sradiuoxXceEfFgG".contains(conv) {
            return Err(format!(
                "unsupported format character '{conv}' (0x{:x})",
                conv as u32
            ));
        }
        text.push(conv);
        if !lit.is_empty() {
            pieces.push(PercentPiece::Lit(std::mem::take(&mut lit)));
        }
        pieces.push(PercentPiece::Spec(PercentSpec { text, conv, plain }));
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Lit(lit));
    }
    Ok(pieces)
}

/// The conversions of a parsed format string.
pub fn specs(pieces: &[PercentPiece]) -> impl Iterator<Item = &PercentSpec> {
    pieces.iter().filter_map(|p| match p {
        PercentPiece::Spec(s) => Some(s),
        PercentPiece::Lit(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_literals_and_conversions() {
        let p = parse_percent("a %d b %-5.2f%% c%s").unwrap();
        let texts: Vec<String> = p
            .iter()
            .map(|x| match x {
                PercentPiece::Lit(s) => format!("L{s}"),
                PercentPiece::Spec(s) => format!("S{}{}", s.text, if s.plain { "" } else { "*" }),
            })
            .collect();
        assert_eq!(texts, ["La ", "S%d", "L b ", "S%-5.2f*", "L% c", "S%s"]);
    }

    #[test]
    fn reports_python_errors() {
        assert_eq!(parse_percent("%").unwrap_err(), "incomplete format");
        assert_eq!(
            parse_percent("%y").unwrap_err(),
            "unsupported format character 'y' (0x79)"
        );
    }
}

/// Which argument a `str.format` field takes.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldArg {
    Index(usize),
    Name(String),
}

/// A piece of a `str.format` string.
#[derive(Clone, Debug, PartialEq)]
pub enum BracePiece {
    Lit(String),
    Field {
        arg: FieldArg,
        repr: bool,
        /// `!s`: str() first, so that the spec formats a str (it differs
        /// from formatting the value itself: `{5!s:05}` is `50000`).
        str_first: bool,
        spec: String,
    },
}

/// Splits a `str.format` string into literal text and fields, numbering
/// `{}` fields automatically; errors are CPython's messages.
pub fn parse_brace_format(fmt: &str) -> Result<Vec<BracePiece>, String> {
    let mut pieces = vec![];
    let mut lit = String::new();
    let mut chars = fmt.chars().peekable();
    let (mut auto, mut manual) = (0usize, false);
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                lit.push('}');
            }
            '}' => return Err("Single '}' encountered in format string".into()),
            '{' => {
                let mut field = String::new();
                let mut depth = 1;
                loop {
                    match chars.next() {
                        None => return Err("expected '}' before end of string".into()),
                        Some('{') => {
                            depth += 1;
                            field.push('{');
                        }
                        Some('}') => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            field.push('}');
                        }
                        Some(ch) => field.push(ch),
                    }
                }
                if field.contains('{') {
                    return Err("nested fields in a format spec are not supported".into());
                }
                let (head, spec) = match field.split_once(':') {
                    Some((h, s)) => (h.to_string(), s.to_string()),
                    None => (field.clone(), String::new()),
                };
                let (name, repr, str_first) = match head.split_once('!') {
                    Some((n, "r")) => (n.to_string(), true, false),
                    Some((n, "s")) => (n.to_string(), false, true),
                    Some(_) => return Err("only the conversions !r and !s are supported".into()),
                    None => (head, false, false),
                };
                if name.contains('.') || name.contains('[') {
                    return Err(
                        "attribute and index lookups in format fields are not supported".into(),
                    );
                }
                let arg = if name.is_empty() {
                    if manual {
                        return Err("cannot switch from manual field specification to automatic field numbering".into());
                    }
                    auto += 1;
                    FieldArg::Index(auto - 1)
                } else if let Ok(i) = name.parse::<usize>() {
                    if auto > 0 {
                        return Err("cannot switch from automatic field numbering to manual field specification".into());
                    }
                    manual = true;
                    FieldArg::Index(i)
                } else {
                    FieldArg::Name(name)
                };
                if !lit.is_empty() {
                    pieces.push(BracePiece::Lit(std::mem::take(&mut lit)));
                }
                pieces.push(BracePiece::Field {
                    arg,
                    repr,
                    str_first,
                    spec,
                });
            }
            c => lit.push(c),
        }
    }
    if !lit.is_empty() {
        pieces.push(BracePiece::Lit(lit));
    }
    Ok(pieces)
}

#[cfg(test)]
mod brace_tests {
    use super::*;

    #[test]
    fn numbers_fields_and_keeps_specs() {
        let p = parse_brace_format("{} and {!r:>5} {{x}}").unwrap();
        assert_eq!(
            p,
            [
                BracePiece::Field {
                    arg: FieldArg::Index(0),
                    repr: false,
                    str_first: false,
                    spec: String::new()
                },
                BracePiece::Lit(" and ".into()),
                BracePiece::Field {
                    arg: FieldArg::Index(1),
                    repr: true,
                    str_first: false,
                    spec: ">5".into()
                },
                BracePiece::Lit(" {x}".into()),
            ]
        );
        assert!(parse_brace_format("{0} {}").is_err());
        assert!(parse_brace_format("}").is_err());
    }
}
