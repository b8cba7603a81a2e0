//! Where output goes: standard output, or a file written atomically.
//!
//! A file is written to a temporary sibling and renamed over the target only when
//! everything was written, so an error never leaves a partial file nor truncates a good one.

use edalign::{Error, Result};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File {
        tmp: PathBuf,
        target: PathBuf,
        w: BufWriter<File>,
    },
}

pub struct Output {
    sink: Option<Sink>,
}

impl Output {
    pub fn open(path: Option<&Path>) -> Result<Output> {
        let Some(target) = path else {
            return Ok(Output {
                sink: Some(Sink::Stdout(BufWriter::new(io::stdout()))),
            });
        };
        let name = target
            .file_name()
            .ok_or_else(|| Error::config(format!("{}: not a file name", target.display())))?;
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".tmp-{}", std::process::id()));
        let tmp = target.with_file_name(tmp_name);
        // A failure to create the temporary file is reported under the name asked for.
        let file = File::create(&tmp).map_err(|e| Error::io(target, e))?;
        Ok(Output {
            sink: Some(Sink::File {
                tmp,
                target: target.to_path_buf(),
                w: BufWriter::new(file),
            }),
        })
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        match self.sink.as_mut().expect("output used after commit") {
            Sink::Stdout(w) => w,
            Sink::File { w, .. } => w,
        }
    }

    /// The name of the destination, for error messages.
    pub fn name(&self) -> String {
        match &self.sink {
            Some(Sink::File { target, .. }) => target.display().to_string(),
            _ => "<stdout>".to_string(),
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn commit(mut self) -> Result<()> {
        match self.sink.take().expect("committed once") {
            Sink::Stdout(mut w) => w.flush().map_err(|e| Error::io("<stdout>", e)),
            Sink::File { tmp, target, w } => {
                let result = (|| {
                    let file = w
                        .into_inner()
                        .map_err(|e| Error::io(&tmp, e.into_error()))?;
                    file.sync_all().map_err(|e| Error::io(&tmp, e))?;
                    drop(file);
                    std::fs::rename(&tmp, &target).map_err(|e| Error::io(&target, e))
                })();
                if result.is_err() {
                    let _ = std::fs::remove_file(&tmp);
                }
                result
            }
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Reached with a file still pending only when the run failed: leave nothing behind.
        if let Some(Sink::File { tmp, .. }) = self.sink.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}
