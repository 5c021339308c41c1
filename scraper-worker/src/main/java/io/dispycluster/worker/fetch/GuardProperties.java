package io.dispycluster.worker.fetch;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SSRF guard's allow-list. Without it the worker refuses to connect to loopback,
 * private, link-local (cloud metadata), CGNAT, unique-local, multicast, unspecified and
 * reserved addresses, and to IPv6 forms that embed them.
 *
 * @param allow address blocks ({@code 192.168.1.0/24}, {@code fd00::/8}), addresses, or
 * host names ({@code nas.lan}, or {@code *.lan} for every name under {@code lan}) the
 * worker may crawl even though they are internal: LAN crawling, tests. Empty by default;
 * the development profile opens loopback and the private ranges.
 */
@ConfigurationProperties("dispycluster.worker.ssrf")
@Validated
public record GuardProperties(@DefaultValue List<String> allow) {

	public GuardProperties {
		allow = List.copyOf(allow);
		allow.forEach(GuardProperties::check);
	}

	// Fails start-up with the bad entry named, rather than at the first crawl.
	private static void check(String entry) {
		if (Cidr.looksLikeCidr(entry)) {
			Cidr.parse(entry);
		}
		else if (!entry.strip().matches("(\\*\\.)?[A-Za-z0-9.-]+")) {
			throw new IllegalArgumentException(
					"dispycluster.worker.ssrf.allow: '" + entry + "' is neither an address block nor a host name");
		}
	}

}
