#![forbid(unsafe_code)]

fn main() {
    std::process::exit(altur::run());
}
