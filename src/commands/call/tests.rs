use super::*;

#[test]
fn sizes_read_like_people_write_them() {
    assert_eq!(human_bytes(12), "12 B");
    assert_eq!(human_bytes(8_044), "8.0 KB");
    assert_eq!(human_bytes(52_428_800), "52.4 MB");
    assert_eq!(human_bytes(3_000_000_000), "3.00 GB");
}
