package io.dispycluster.worker.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The address blocks a crawler must not reach unless told to: what each one is, and the
 * IPv4 address hidden in IPv6 forms (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 */
final class BlockedRanges {

	private static final List<Map.Entry<Cidr, String>> BLOCKS = List.of(block("0.0.0.0/8", "an unspecified"),
			block("10.0.0.0/8", "a private"), block("100.64.0.0/10", "a carrier-grade NAT (CGNAT)"),
			block("127.0.0.0/8", "a loopback"), block("169.254.0.0/16", "a link-local"),
			block("172.16.0.0/12", "a private"), block("192.0.0.0/24", "a reserved"),
			block("192.168.0.0/16", "a private"), block("198.18.0.0/15", "a reserved"),
			block("224.0.0.0/4", "a multicast"), block("240.0.0.0/4", "a reserved"), block("::/128", "an unspecified"),
			block("::1/128", "a loopback"), block("fe80::/10", "a link-local"), block("fec0::/10", "a site-local"),
			block("fc00::/7", "a unique local"), block("ff00::/8", "a multicast"), block("2001::/32", "a Teredo"));

	private static final Cidr COMPATIBLE = Cidr.parse("::/96");

	private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

	private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

	private BlockedRanges() {
	}

	/**
	 * What kind of blocked address this is ("a loopback", "a private", ...), or empty if
	 * it is a public address.
	 */
	static Optional<String> kindOf(InetAddress address) {
		Optional<String> kind = directKind(address);
		if (kind.isPresent()) {
			return kind;
		}
		return embeddedIpv4(address).flatMap(BlockedRanges::directKind);
	}

	private static Optional<String> directKind(InetAddress address) {
		return BLOCKS.stream().filter((entry) -> entry.getKey().contains(address)).map(Map.Entry::getValue).findFirst();
	}

	private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != 16) {
			return Optional.empty();
		}
		if (isMapped(bytes) || COMPATIBLE.contains(address) || NAT64.contains(address)) {
			return ipv4(Arrays.copyOfRange(bytes, 12, 16));
		}
		if (SIX_TO_FOUR.contains(address)) {
			return ipv4(Arrays.copyOfRange(bytes, 2, 6));
		}
		return Optional.empty();
	}

	// ::ffff:a.b.c.d; Java usually turns these into IPv4 addresses itself, but not
	// always.
	private static boolean isMapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
	}

	private static Optional<InetAddress> ipv4(byte[] bytes) {
		try {
			return Optional.of(InetAddress.getByAddress(bytes));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static Map.Entry<Cidr, String> block(String cidr, String kind) {
		return Map.entry(Cidr.parse(cidr), kind);
	}

}
