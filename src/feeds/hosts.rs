//! Per-host limits on requests in flight, so no server gets more than a few of our
//! requests at once however many of its feeds or pages are due.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::Semaphore;

/// One semaphore per host name, created on first use. Cloning shares the gates.
#[derive(Debug, Clone)]
pub struct HostGates {
    per_host: usize,
    gates: Arc<Mutex<HashMap<String, Arc<Semaphore>>>>,
}

impl HostGates {
    /// At most `per_host` holders per host (at least one).
    pub fn new(per_host: usize) -> Self {
        HostGates {
            per_host: per_host.max(1),
            gates: Arc::default(),
        }
    }

    pub fn per_host(&self) -> usize {
        self.per_host
    }

    /// The gate of `url`'s host (one shared gate for URLs without a host).
    pub fn gate(&self, url: &str) -> Arc<Semaphore> {
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        let mut gates = self.gates.lock().unwrap_or_else(|e| e.into_inner());
        gates
            .entry(host)
            .or_insert_with(|| Arc::new(Semaphore::new(self.per_host)))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_of_one_host_share_a_gate() {
        let g = HostGates::new(2);
        let a = g.gate("https://a.example/one");
        assert!(Arc::ptr_eq(&a, &g.gate("https://a.example/two?x=1")));
        assert!(!Arc::ptr_eq(&a, &g.gate("https://b.example/one")));
        assert_eq!(a.available_permits(), 2);
        assert_eq!(HostGates::new(0).per_host(), 1);
    }
}
