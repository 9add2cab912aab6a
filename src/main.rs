fn main() {
    std::process::exit(altur::run());
}
