// The default pack (src/pack.rs) is read into the binary at compile time: rebuild when
// any of its files changes.
fn main() {
    for dir in ["gazetteers", "rules", "lexicon"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
