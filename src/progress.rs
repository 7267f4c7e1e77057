//! Progress of long runs (`extract`, `load`): documents, megabytes read, rate and time
//! left, redrawn in place on standard error while it is a terminal. When standard error
//! is not a terminal (a file, a pipe, CI) nothing at all is drawn, so logs keep exactly
//! the lines they had: errors per bad input and the final summary.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// A progress display, or nothing (not a terminal). Clones draw on the same bar.
#[derive(Clone, Default)]
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Starts a display for inputs of `total` bytes (`None` when unknown: stdin).
    pub fn start(total: Option<u64>) -> Progress {
        if !std::io::stderr().is_terminal() || std::env::var_os("SUMMIT_NO_PROGRESS").is_some() {
            return Progress::default();
        }
        let (bar, template) = match total {
            Some(t) => (
                ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr_with_hz(5)),
                // At most 80 columns: a wrapped line would be redrawn as two.
                "{bar:12} {decimal_bytes}/{decimal_total_bytes} · {msg} · {decimal_bytes_per_sec} · ETA {eta}",
            ),
            None => (ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(5)), "{spinner} {decimal_bytes} read · {msg} · {decimal_bytes_per_sec} · {elapsed}"),
        };
        bar.set_style(ProgressStyle::with_template(template).expect("a valid template").progress_chars("█▉▊▋▌▍▎▏ "));
        bar.set_message("0 documents");
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    /// `bytes` of the inputs read so far, `docs` documents done.
    pub fn update(&self, bytes: u64, docs: usize) {
        if let Some(b) = &self.bar {
            b.set_position(bytes);
            b.set_message(format!("{docs} document{}", if docs == 1 { "" } else { "s" }));
        }
    }

    /// Runs `print` (which writes to stderr) with the bar out of its way.
    pub fn note(&self, print: impl FnOnce()) {
        match &self.bar {
            Some(b) => b.suspend(print),
            None => print(),
        }
    }

    /// Removes the bar, leaving the terminal as it was.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
