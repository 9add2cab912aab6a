//! The recording of every answered sandbox call: a short tone in a valid WAV file.

use std::sync::OnceLock;

/// Half a second of a 440 Hz tone, 8 kHz 16-bit mono PCM in a RIFF/WAVE container: a valid
/// file every player opens, 8 KB.
pub fn recording_wav() -> &'static [u8] {
    static WAV: OnceLock<Vec<u8>> = OnceLock::new();
    WAV.get_or_init(|| {
        const RATE: u32 = 8_000;
        const SAMPLES: u32 = RATE / 2;
        let data_len = SAMPLES * 2;
        let mut wav = Vec::with_capacity(44 + data_len as usize);
        wav.extend_from_slice(b"RIFF");
        wav.extend_from_slice(&(36 + data_len).to_le_bytes());
        wav.extend_from_slice(b"WAVE");
        wav.extend_from_slice(b"fmt ");
        wav.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
        wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
        wav.extend_from_slice(&1u16.to_le_bytes()); // mono
        wav.extend_from_slice(&RATE.to_le_bytes());
        wav.extend_from_slice(&(RATE * 2).to_le_bytes()); // bytes per second
        wav.extend_from_slice(&2u16.to_le_bytes()); // block align
        wav.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
        wav.extend_from_slice(b"data");
        wav.extend_from_slice(&data_len.to_le_bytes());
        for i in 0..SAMPLES {
            let t = f64::from(i) / f64::from(RATE);
            // Faded in and out over 20 ms, so it does not click.
            let fade = (t / 0.02).min((0.5 - t) / 0.02).clamp(0.0, 1.0);
            let sample = (std::f64::consts::TAU * 440.0 * t).sin() * 8_000.0 * fade;
            wav.extend_from_slice(&(sample.round() as i16).to_le_bytes());
        }
        wav
    })
}
