package io.dispycluster.worker.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which addresses the SSRF guard refuses, how it says why, and what the allow-list opens.
 */
class AddressGuardTests {

	private final AddressGuard guard = new AddressGuard(new GuardProperties(List.of()));

	@ParameterizedTest
	@CsvSource({ "0.0.0.0, an unspecified", "10.1.2.3, a private", "172.16.0.1, a private", "172.31.255.255, a private",
			"192.168.1.10, a private", "127.0.0.1, a loopback", "127.255.0.1, a loopback",
			"169.254.169.254, a link-local", "100.64.0.1, a carrier-grade NAT (CGNAT)",
			"100.127.255.254, a carrier-grade NAT (CGNAT)", "224.0.0.251, a multicast", "239.255.255.250, a multicast",
			"255.255.255.255, a reserved", "240.0.0.1, a reserved", "::, an unspecified", "::1, a loopback",
			"fe80::1, a link-local", "fc00::1, a unique local", "fd12:3456::1, a unique local", "ff02::1, a multicast",
			"::ffff:169.254.169.254, a link-local", "::ffff:10.0.0.1, a private", "64:ff9b::a9fe:a9fe, a link-local",
			"2002:7f00:1::1, a loopback", "::a00:1, a private" })
	void refusesInternalAddresses(String ip, String kind) throws UnknownHostException {
		assertThat(this.guard.refusal(ip, InetAddress.getByName(ip)))
			.hasValueSatisfying((reason) -> assertThat(reason).startsWith("Blocked address: ")
				.contains(" is " + kind + " address")
				.endsWith("(open it in dispycluster.worker.ssrf.allow)"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1",
			"2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822" })
	void allowsPublicAddresses(String ip) throws UnknownHostException {
		assertThat(this.guard.refusal(ip, InetAddress.getByName(ip))).isEmpty();
	}

	@Test
	void namesTheHostAndTheAddressItResolvesTo() throws UnknownHostException {
		assertThat(this.guard.refusal("intranet.example", InetAddress.getByName("10.0.0.7")))
			.hasValueSatisfying((reason) -> assertThat(reason)
				.startsWith("Blocked address: intranet.example resolves to 10.0.0.7, which is a private address"));
	}

	@Test
	void opensTheBlocksAndHostsOfTheAllowList() throws UnknownHostException {
		AddressGuard lan = new AddressGuard(new GuardProperties(List.of("192.168.1.0/24", "nas.lan", "*.home.arpa")));

		assertThat(lan.refusal("192.168.1.20", InetAddress.getByName("192.168.1.20"))).isEmpty();
		assertThat(lan.refusal("192.168.2.20", InetAddress.getByName("192.168.2.20"))).isPresent();
		assertThat(lan.refusal("nas.lan", InetAddress.getByName("10.0.0.2"))).isEmpty();
		assertThat(lan.refusal("printer.home.arpa", InetAddress.getByName("10.0.0.3"))).isEmpty();
		assertThat(lan.refusal("other.lan", InetAddress.getByName("10.0.0.4"))).isPresent();
	}

	@Test
	void filtersResolvedAddressesAndRefusesAHostWithOnlyBlockedOnes() throws UnknownHostException {
		InetAddress internal = InetAddress.getByName("10.0.0.1");
		InetAddress external = InetAddress.getByName("93.184.216.34");

		assertThat(this.guard.filtering((host) -> List.of(internal, external)).lookup("mixed.example"))
			.containsExactly(external);
		assertThatExceptionOfType(BlockedAddressException.class)
			.isThrownBy(() -> this.guard.filtering((host) -> List.of(internal)).lookup("evil.example"))
			.withMessageStartingWith("Blocked address: evil.example resolves to 10.0.0.1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/", "http://[::1]:8080/", "http://169.254.169.254/latest/meta-data/",
			"http://[::ffff:a9fe:a9fe]/" })
	void refusesBlockedLiteralsBeforeConnecting(String url) {
		assertThatExceptionOfType(BlockedAddressException.class)
			.isThrownBy(() -> this.guard.checkLiteral(HttpUrl.get(url)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/33", "300.1.1.1", "not a host!", "::1/129", "10.0.0.0/x" })
	void refusesAnAllowListEntryItCannotRead(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> new GuardProperties(List.of(entry)));
	}

}
