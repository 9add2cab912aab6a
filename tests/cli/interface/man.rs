//! The man pages, rendered from the same clap tree as `--help`: clap_mangen's title, name,
//! options and subcommands, with the rest laid out here, since its own page carries only the
//! one-line summary, an option list without values and the help's epilogue under "EXTRA",
//! refilled and justified. Here: a synopsis with values, the long description with the prose of
//! the epilogue, EXIT STATUS and EXAMPLES as their own sections, kept line by line.

use clap_mangen::Man;
use roff::{Roff, bold, italic, roman};

/// Every page: `altur.1`, `altur-enduser.1`, `altur-enduser-create.1` ..., sorted by name.
pub fn man_pages() -> Vec<(String, String)> {
    let mut command = altur::command().disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    collect(&command, &[], &mut pages);
    pages.sort();
    pages
}

fn collect(command: &clap::Command, parents: &[&str], pages: &mut Vec<(String, String)>) {
    let mut path = parents.to_vec();
    path.push(command.get_name());
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, &path, pages);
    }
    pages.push((format!("{}.1", path.join("-")), page(command, &path)));
}

/// The help's epilogue, in parts: prose paragraphs, the exit codes, the examples.
struct Epilogue {
    prose: Vec<String>,
    exit_codes: Option<String>,
    examples: Option<String>,
}

fn epilogue(command: &clap::Command) -> Epilogue {
    let text = command
        .get_after_long_help()
        .or_else(|| command.get_after_help())
        .map(|text| text.to_string())
        .unwrap_or_default();
    let (text, examples) = match text.rsplit_once("Examples:\n") {
        Some((before, examples)) => (before.to_owned(), Some(examples.to_owned())),
        None => (text, None),
    };
    let mut prose = Vec::new();
    let mut exit_codes = None;
    for paragraph in text
        .split("\n\n")
        .map(str::trim_end)
        .filter(|p| !p.is_empty())
    {
        match paragraph.strip_prefix("Exit codes:") {
            Some(codes) => exit_codes = Some(codes.trim_start_matches('\n').to_owned()),
            None => prose.push(paragraph.to_owned()),
        }
    }
    Epilogue {
        prose,
        exit_codes,
        examples,
    }
}

fn page(command: &clap::Command, path: &[&str]) -> String {
    let root = path.len() == 1;
    let name = path.join(" ");
    let man = Man::new(without_globals(command, root))
        .title(path.join("-"))
        .source(format!("altur {}", env!("CARGO_PKG_VERSION")))
        .manual("altur manual");
    let epilogue = epilogue(command);
    let mut out = Vec::new();
    man.render_title(&mut out).unwrap();
    let mut roff = Roff::new();
    // Ragged right and no hyphenation: help text is written to be read as it is, not
    // justified nor broken inside words or option names.
    roff.control("ad", ["l"]);
    roff.control("nh", []);
    out.extend(roff.render().into_bytes());
    man.render_name_section(&mut out).unwrap();

    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    roff.text(synopsis(command, &name, root));
    roff.control("SH", ["DESCRIPTION"]);
    let about = command
        .get_long_about()
        .or_else(|| command.get_about())
        .map(|text| text.to_string())
        .unwrap_or_default();
    let mut paragraphs: Vec<String> = about.split("\n\n").map(str::to_owned).collect();
    paragraphs.extend(epilogue.prose.iter().cloned());
    if paragraphs.len() > 1 {
        // The summary is the NAME line already.
        paragraphs.remove(0);
    }
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if index > 0 {
            roff.control("PP", []);
        }
        paragraph_to_roff(&mut roff, paragraph);
    }
    out.extend(roff.render().into_bytes());
    man.render_options_section(&mut out).unwrap();
    if !root {
        let mut roff = Roff::new();
        roff.control("SH", ["GLOBAL OPTIONS"]);
        let help = command.clone().render_help().to_string();
        let block = help
            .split_once("\nGlobal options:\n")
            .map(|(_, block)| block.split("\n\n").next().unwrap_or_default())
            .unwrap_or_default();
        roff.control("nf", []);
        for line in block
            .lines()
            .filter(|line| !line.trim_start().starts_with('('))
        {
            roff.text([roman(line.trim())]);
        }
        roff.control("fi", []);
        roff.control("PP", []);
        roff.text([
            roman("They may stand before or after the command; "),
            bold("altur"),
            roman("(1) describes them."),
        ]);
        out.extend(roff.render().into_bytes());
    }
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut out).unwrap();
    }
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    match &epilogue.exit_codes {
        Some(codes) => {
            roff.control("nf", []);
            for line in codes.lines() {
                roff.text([roman(line.trim_start())]);
            }
            roff.control("fi", []);
        }
        None => {
            roff.text([
                roman("As for every command: 0 success, 2 a usage error (nothing was sent); the "),
                roman("others are listed in "),
                bold("altur"),
                roman("(1)."),
            ]);
        }
    }
    if let Some(examples) = &epilogue.examples {
        roff.control("SH", ["EXAMPLES"]);
        roff.control("nf", []);
        for line in examples.lines() {
            roff.text([roman(line.strip_prefix("  ").unwrap_or(line))]);
        }
        roff.control("fi", []);
    }
    if !root {
        roff.control("SH", ["SEE ALSO"]);
        let parent = path[..path.len() - 1].join("-");
        let mut also = vec![bold(parent.clone()), roman("(1)")];
        if parent != "altur" {
            also.extend([roman(", "), bold("altur"), roman("(1)")]);
        }
        roff.text(also);
    }
    out.extend(roff.render().into_bytes());
    if root {
        man.render_version_section(&mut out).unwrap();
    }
    // Each piece starts with the same preamble (a string definition): keep the first.
    let preamble = Roff::new().render();
    let page = String::from_utf8(out).unwrap();
    format!("{preamble}{}", page.replace(&preamble, ""))
}

/// A paragraph of help text: filled when it is prose, line by line when any line is indented
/// (a list or a table).
fn paragraph_to_roff(roff: &mut Roff, paragraph: &str) {
    if paragraph.lines().skip(1).any(|line| line.starts_with(' ')) {
        roff.control("nf", []);
        for line in paragraph.lines() {
            roff.text([roman(line)]);
        }
        roff.control("fi", []);
    } else {
        roff.text([roman(paragraph.lines().collect::<Vec<_>>().join(" "))]);
    }
}

/// The command for clap_mangen's sections: on a subcommand's page, without the global
/// options (they have a short section of their own), and without `--version` but at the top.
fn without_globals(command: &clap::Command, root: bool) -> clap::Command {
    let mut command = command.clone();
    if root {
        return command;
    }
    let globals: Vec<String> = command
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in globals {
        command = command.mut_arg(id, |arg| arg.hide(true));
    }
    command
}

/// `altur enduser create [--name NAME] [--info TEXT] ... [GLOBAL OPTIONS]`: each option with
/// its value, as `--help` shows them.
fn synopsis(command: &clap::Command, name: &str, root: bool) -> Vec<roff::Inline> {
    let mut line = vec![bold(name)];
    for arg in command.get_arguments() {
        if arg.is_hide_set()
            || arg.is_positional()
            || (arg.is_global_set() && !root)
            || matches!(arg.get_id().as_str(), "help" | "version")
        {
            continue;
        }
        let flag = match (arg.get_long(), arg.get_short()) {
            (Some(long), _) => format!("--{long}"),
            (None, Some(short)) => format!("-{short}"),
            (None, None) => continue,
        };
        let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
        let (open, close) = if arg.is_required_set() {
            ("", "")
        } else {
            ("[", "]")
        };
        line.push(roman(format!(" {open}")));
        line.push(bold(flag));
        if takes_value {
            let value = arg
                .get_value_names()
                .map(|names| names.join(" "))
                .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
            line.push(roman(" "));
            line.push(italic(value));
        }
        line.push(roman(close));
    }
    if !root {
        line.push(roman(" [GLOBAL OPTIONS]"));
    }
    for arg in command.get_positionals().filter(|arg| !arg.is_hide_set()) {
        let value = arg
            .get_value_names()
            .map(|names| names.join(" "))
            .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let dots = if many { "..." } else { "" };
        let (open, close) = if arg.is_required_set() {
            ("<", ">")
        } else {
            ("[", "]")
        };
        let separator = if arg.is_last_set() { " --" } else { "" };
        line.push(roman(format!("{separator} {open}")));
        line.push(italic(value));
        line.push(roman(format!("{close}{dots}")));
    }
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        line.push(roman(" <"));
        line.push(italic("COMMAND"));
        line.push(roman(">"));
    }
    line
}
