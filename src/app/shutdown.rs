//! When a process stops: on Ctrl-C, or when a test (or a failing service) says so.
//!
//! Ctrl-C is listened for from the moment the [`Shutdown`] is made, not from the
//! first poll of a future awaiting it: a SIGINT that comes while the store opens,
//! the bot connects or the first round is prepared stops the process cleanly
//! instead of killing it with the default action.

use std::sync::Arc;

use tokio::sync::watch;

/// A stop signal shared by every service of a process: any clone may trigger it,
/// and every service waiting on it sees it.
#[derive(Clone, Debug)]
pub struct Shutdown {
    stop: Arc<watch::Sender<bool>>,
}

impl Default for Shutdown {
    fn default() -> Self {
        Self::new()
    }
}

impl Shutdown {
    /// A shutdown that only [`Shutdown::trigger`] sets off (tests, and services
    /// stopped after another).
    pub fn new() -> Self {
        Shutdown {
            stop: Arc::new(watch::channel(false).0),
        }
    }

    /// A shutdown set off by Ctrl-C, listened for from now on. Must be called
    /// inside the runtime. If the signal cannot be listened for, the error is
    /// logged and only a trigger (or stopping the process) ends it.
    pub fn on_ctrl_c() -> Self {
        let shutdown = Self::new();
        let interrupted = ctrl_c_from_now();
        let trigger = shutdown.clone();
        tokio::spawn(async move {
            match interrupted.await {
                Ok(()) => {
                    tracing::info!("Ctrl-C: shutting down after the work in flight");
                    trigger.trigger();
                }
                Err(e) => {
                    tracing::error!(error = %e, "cannot listen for Ctrl-C; stop the process to quit");
                }
            }
        });
        shutdown
    }

    /// Sets the shutdown off; every waiter sees it.
    pub fn trigger(&self) {
        self.stop.send_replace(true);
    }

    /// The receiving end the long-running loops take (`Watcher::run`,
    /// `Digests::run`): it turns `true` on shutdown. One taken after the
    /// shutdown still reports it as a change, so a loop waiting for a change
    /// instead of looking first does not sleep through it.
    pub fn receiver(&self) -> watch::Receiver<bool> {
        let mut receiver = self.stop.subscribe();
        if *receiver.borrow() {
            receiver.mark_changed();
        }
        receiver
    }

    /// Completes once the shutdown is set off.
    pub async fn wait(&self) {
        let mut stopped = self.receiver();
        // The sender lives as long as `self`, so this cannot fail.
        let _ = stopped.wait_for(|stop| *stop).await;
    }
}

/// Listens for Ctrl-C from now on, not from the first poll.
fn ctrl_c_from_now() -> impl std::future::Future<Output = std::io::Result<()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let listening = signal(SignalKind::interrupt());
        async move {
            listening?.recv().await;
            Ok(())
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The listener is in place when `on_ctrl_c` returns, before its task ever
    /// runs (nothing is awaited before the signal). A listener made lazily, at
    /// the first poll, would leave this SIGINT to its default action and kill
    /// the test process.
    #[cfg(unix)]
    #[tokio::test]
    async fn ctrl_c_is_heard_from_the_moment_the_shutdown_is_made() {
        let shutdown = Shutdown::on_ctrl_c();
        let sent = std::process::Command::new("kill")
            .args(["-INT", &std::process::id().to_string()])
            .status()
            .expect("kill -INT");
        assert!(sent.success());
        tokio::time::timeout(std::time::Duration::from_secs(5), shutdown.wait())
            .await
            .expect("the SIGINT set the shutdown off");
    }

    #[tokio::test]
    async fn every_clone_sees_a_trigger_even_one_made_before_waiting() {
        let shutdown = Shutdown::new();
        let mut receiver = shutdown.receiver();
        let waiter = tokio::spawn({
            let s = shutdown.clone();
            async move { s.wait().await }
        });
        shutdown.clone().trigger();
        tokio::time::timeout(std::time::Duration::from_secs(5), waiter)
            .await
            .expect("the waiter saw the trigger")
            .expect("waiter");
        assert!(*receiver.borrow_and_update());
        // Waiting after the trigger completes at once, and a receiver taken
        // then sees a change.
        shutdown.wait().await;
        let mut late = shutdown.receiver();
        tokio::time::timeout(std::time::Duration::from_secs(1), late.changed())
            .await
            .expect("a late receiver sees the shutdown as a change")
            .expect("sender alive");
    }
}
