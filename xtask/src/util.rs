//! Small helpers: one error type, running commands, locating the workspace.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug)]
pub struct Error(String);

impl Error {
    pub fn msg(text: impl Into<String>) -> Self {
        Error(text.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error(e.to_string())
    }
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Prints and runs a command in the workspace root; fails on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<(), Error> {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .current_dir(
            cmd.get_current_dir()
                .map(Path::to_path_buf)
                .unwrap_or_else(root),
        )
        .status()
        .map_err(|e| Error::msg(format!("could not start `{}`: {e}", describe(cmd))))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::msg(format!("`{}` failed ({status})", describe(cmd))))
    }
}

/// Runs a command quietly and returns its trimmed stdout, or `None` if it
/// cannot start or fails (used to probe installed tool versions).
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Bytes free for this user on the disk that holds `path`, read from POSIX
/// `df -Pk`; `None` when `df` is missing or prints something unexpected.
pub fn free_disk_bytes(path: &Path) -> Option<u64> {
    let text = output(Command::new("df").arg("-Pk").arg(path))?;
    parse_df_available_kib(&text).map(|kib| kib * 1024)
}

/// The "Available" column (KiB) of `df -Pk`'s one data line.
fn parse_df_available_kib(text: &str) -> Option<u64> {
    text.lines().nth(1)?.split_whitespace().nth(3)?.parse().ok()
}

/// `1234567890` → `"1.1 GiB"`: disk sizes in messages.
pub fn gib(bytes: u64) -> String {
    format!("{:.1} GiB", bytes as f64 / (1u64 << 30) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_available_column_of_posix_df() {
        let df = "Filesystem     1024-blocks     Used Available Capacity Mounted on\n\
                  /dev/vda         264212084 39775632  55510256      42% /\n";
        assert_eq!(parse_df_available_kib(df), Some(55_510_256));
    }

    #[test]
    fn unexpected_df_output_gives_no_figure() {
        assert_eq!(parse_df_available_kib(""), None);
        assert_eq!(
            parse_df_available_kib("Filesystem\n/dev/vda 1 2 full 0% /\n"),
            None
        );
    }

    #[test]
    fn sizes_read_in_gib() {
        assert_eq!(gib(3 << 30), "3.0 GiB");
        assert_eq!(gib(300 << 20), "0.3 GiB");
    }
}
