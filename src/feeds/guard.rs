//! The address guard: a feed URL typed by a moderator must never make the bot reach
//! inside the network it runs in (a database port, a cloud metadata service). Every
//! address is checked after DNS resolution, at connect time, and again on each
//! redirect, so neither a DNS record pointing at 10.0.0.1 nor a redirect to
//! 169.254.169.254 gets through.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use thiserror::Error;

/// Why an address is refused, named so a moderator understands the refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forbidden {
    Loopback,
    Private,
    LinkLocal,
    UniqueLocal,
    Multicast,
    Metadata,
    Unspecified,
    Reserved,
}

impl Forbidden {
    pub fn as_str(self) -> &'static str {
        match self {
            Forbidden::Loopback => "loopback",
            Forbidden::Private => "private network",
            Forbidden::LinkLocal => "link-local",
            Forbidden::UniqueLocal => "unique-local",
            Forbidden::Multicast => "multicast",
            Forbidden::Metadata => "cloud metadata",
            Forbidden::Unspecified => "unspecified",
            Forbidden::Reserved => "reserved",
        }
    }
}

/// The policy: everything public is allowed; loopback only when configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressGuard {
    pub allow_loopback: bool,
}

impl AddressGuard {
    pub fn check(&self, ip: IpAddr) -> Result<(), Forbidden> {
        match classify(ip) {
            Some(Forbidden::Loopback) if self.allow_loopback => Ok(()),
            Some(f) => Err(f),
            None => Ok(()),
        }
    }
}

/// The class of a non-public address, `None` for a public one.
pub fn classify(ip: IpAddr) -> Option<Forbidden> {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn classify_v4(ip: Ipv4Addr) -> Option<Forbidden> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        _ if ip == Ipv4Addr::new(169, 254, 169, 254) || ip == Ipv4Addr::new(100, 100, 100, 200) => {
            Forbidden::Metadata
        }
        (0, _, _) => Forbidden::Unspecified,
        (127, _, _) => Forbidden::Loopback,
        (10, _, _) | (192, 168, _) => Forbidden::Private,
        (172, 16..=31, _) => Forbidden::Private,
        // carrier-grade NAT: private in practice
        (100, 64..=127, _) => Forbidden::Private,
        (169, 254, _) => Forbidden::LinkLocal,
        (224..=239, _, _) => Forbidden::Multicast,
        // IETF protocol assignments, documentation, benchmarking, class E, broadcast
        (192, 0, 0)
        | (192, 0, 2)
        | (198, 51, 100)
        | (203, 0, 113)
        | (198, 18..=19, _)
        | (240..=255, _, _) => Forbidden::Reserved,
        _ => return None,
    })
}

fn classify_v6(ip: Ipv6Addr) -> Option<Forbidden> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    let seg = ip.segments();
    // NAT64 (64:ff9b::/96) and the deprecated IPv4-compatible form embed an IPv4
    // address that the network may route to: judge the embedded one.
    if seg[0] == 0x64 && seg[1] == 0xff9b && seg[2..6] == [0, 0, 0, 0]
        || seg[0..6] == [0; 6] && !ip.is_loopback() && !ip.is_unspecified()
    {
        let o = ip.octets();
        return classify_v4(Ipv4Addr::new(o[12], o[13], o[14], o[15]));
    }
    // 6to4 embeds an IPv4 address in bits 16..48.
    if seg[0] == 0x2002 {
        let o = ip.octets();
        return classify_v4(Ipv4Addr::new(o[2], o[3], o[4], o[5]));
    }
    Some(match seg[0] {
        _ if ip.is_unspecified() => Forbidden::Unspecified,
        _ if ip.is_loopback() => Forbidden::Loopback,
        0xfd00 if ip == "fd00:ec2::254".parse::<Ipv6Addr>().expect("literal") => {
            Forbidden::Metadata
        }
        s if s & 0xfe00 == 0xfc00 => Forbidden::UniqueLocal,
        s if s & 0xffc0 == 0xfe80 => Forbidden::LinkLocal,
        // deprecated site-local
        s if s & 0xffc0 == 0xfec0 => Forbidden::Private,
        s if s & 0xff00 == 0xff00 => Forbidden::Multicast,
        0x2001 if seg[1] == 0x0db8 => Forbidden::Reserved,
        _ => return None,
    })
}

/// Raised from inside DNS resolution; the fetcher finds it in the error chain and
/// reports a blocked address rather than "unreachable".
#[derive(Debug, Error)]
#[error("{host} resolves only to blocked addresses ({reason})")]
pub struct BlockedByGuard {
    pub host: String,
    pub reason: &'static str,
}

/// A DNS resolver for reqwest that drops every address the guard refuses. The
/// connection can only use what this returns, so a DNS answer that changes
/// between check and connect (rebinding) cannot slip through.
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    pub guard: AddressGuard,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let guard = self.guard;
        Box::pin(async move {
            let host = name.as_str().to_string();
            let resolved: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let mut reason = None;
            let allowed: Vec<SocketAddr> = resolved
                .into_iter()
                .filter(|a| match guard.check(a.ip()) {
                    Ok(()) => true,
                    Err(f) => {
                        reason.get_or_insert(f.as_str());
                        false
                    }
                })
                .collect();
            if allowed.is_empty() {
                let err: Box<dyn std::error::Error + Send + Sync> = match reason {
                    Some(reason) => Box::new(BlockedByGuard { host, reason }),
                    None => format!("{host} has no address").into(),
                };
                return Err(err);
            }
            let addrs: Addrs = Box::new(allowed.into_iter());
            Ok(addrs)
        })
    }
}

impl GuardedResolver {
    pub fn shared(guard: AddressGuard) -> Arc<Self> {
        Arc::new(GuardedResolver { guard })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<Forbidden> {
        classify(s.parse().unwrap())
    }

    #[test]
    fn public_addresses_pass() {
        assert_eq!(v("93.184.216.34"), None);
        assert_eq!(v("2606:2800:220:1:248:1893:25c8:1946"), None);
        assert_eq!(v("8.8.8.8"), None);
    }

    #[test]
    fn inside_addresses_are_refused_in_every_spelling() {
        assert_eq!(v("127.0.0.1"), Some(Forbidden::Loopback));
        assert_eq!(v("::1"), Some(Forbidden::Loopback));
        assert_eq!(v("10.1.2.3"), Some(Forbidden::Private));
        assert_eq!(v("172.20.0.1"), Some(Forbidden::Private));
        assert_eq!(v("192.168.1.1"), Some(Forbidden::Private));
        assert_eq!(v("169.254.169.254"), Some(Forbidden::Metadata));
        assert_eq!(v("169.254.1.1"), Some(Forbidden::LinkLocal));
        assert_eq!(v("fd00:ec2::254"), Some(Forbidden::Metadata));
        assert_eq!(v("fc00::1"), Some(Forbidden::UniqueLocal));
        assert_eq!(v("fe80::1"), Some(Forbidden::LinkLocal));
        assert_eq!(v("ff02::1"), Some(Forbidden::Multicast));
        assert_eq!(v("224.0.0.1"), Some(Forbidden::Multicast));
        assert_eq!(v("0.0.0.0"), Some(Forbidden::Unspecified));
        assert_eq!(v("::"), Some(Forbidden::Unspecified));
        // IPv4 hidden inside IPv6
        assert_eq!(v("::ffff:127.0.0.1"), Some(Forbidden::Loopback));
        assert_eq!(v("::ffff:10.0.0.1"), Some(Forbidden::Private));
        assert_eq!(v("::ffff:169.254.169.254"), Some(Forbidden::Metadata));
        assert_eq!(v("64:ff9b::a00:1"), Some(Forbidden::Private));
        assert_eq!(v("2002:c0a8:0101::1"), Some(Forbidden::Private));
    }

    #[test]
    fn loopback_passes_only_when_allowed() {
        let lo = "127.0.0.1".parse().unwrap();
        assert!(
            AddressGuard {
                allow_loopback: false
            }
            .check(lo)
            .is_err()
        );
        assert!(
            AddressGuard {
                allow_loopback: true
            }
            .check(lo)
            .is_ok()
        );
        let private = "10.0.0.1".parse().unwrap();
        assert!(
            AddressGuard {
                allow_loopback: true
            }
            .check(private)
            .is_err()
        );
    }
}
