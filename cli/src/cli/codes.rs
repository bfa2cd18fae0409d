//! `minsheng codes` and `minsheng explain CODE`.

use minsheng::Code;

/// Every code, one per line: code, severity, description.
pub fn table() -> String {
    let width = Code::ALL
        .iter()
        .map(|c| c.as_str().len())
        .max()
        .unwrap_or(0);
    Code::ALL
        .iter()
        .map(|c| {
            format!(
                "{:width$}  {:7}  {}\n",
                c.as_str(),
                c.severity().as_str(),
                c.description()
            )
        })
        .collect()
}

/// The explanation of one code, `None` if there is no such code.
pub fn explain(name: &str) -> Option<String> {
    let code = Code::ALL.iter().find(|c| c.as_str() == name)?;
    Some(format!(
        "{} ({})\n\n{}\n\nSee docs/diagnostics.md for an example.\n",
        code.as_str(),
        code.severity().as_str(),
        code.description()
    ))
}
