//! Per-phase timing, reported like RPython's `[Timer]` table and as JSON.

use std::time::Instant;

pub struct PhaseTime {
    pub name: &'static str,
    pub seconds: f64,
    /// Peak resident set size of the translator so far, in KiB.
    pub peak_rss_kib: u64,
}

#[derive(Default)]
pub struct Timings {
    pub phases: Vec<PhaseTime>,
}

impl Timings {
    pub fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let result = f();
        self.phases.push(PhaseTime {
            name,
            seconds: start.elapsed().as_secs_f64(),
            peak_rss_kib: peak_rss_kib(),
        });
        result
    }

    pub fn total(&self) -> f64 {
        self.phases.iter().map(|p| p.seconds).sum()
    }

    pub fn table(&self) -> String {
        let mut out = String::from("[Timer] Timings:\n");
        for p in &self.phases {
            out.push_str(&format!("[Timer] {:<20} --- {:7.3} s\n", p.name, p.seconds));
        }
        out.push_str(&format!(
            "[Timer] {:<20} --- {:7.3} s\n",
            "Total:",
            self.total()
        ));
        out
    }

    pub fn to_json(&self, extra: &[(&str, String)]) -> String {
        let phases: Vec<String> = self
            .phases
            .iter()
            .map(|p| {
                format!(
                    "{{\"name\":\"{}\",\"seconds\":{:.6},\"peak_rss_kib\":{}}}",
                    p.name, p.seconds, p.peak_rss_kib
                )
            })
            .collect();
        let mut out = format!(
            "{{\"phases\":[{}],\"total_seconds\":{:.6}",
            phases.join(","),
            self.total()
        );
        for (k, v) in extra {
            out.push_str(&format!(",\"{k}\":{v}"));
        }
        out.push('}');
        out
    }
}

/// VmHWM from /proc (Linux); 0 where unavailable.
fn peak_rss_kib() -> u64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return 0;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
