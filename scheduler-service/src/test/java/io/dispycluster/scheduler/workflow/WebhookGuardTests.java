package io.dispycluster.scheduler.workflow;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.10", "169.254.169.254",
			"100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1",
			"::ffff:127.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1" })
	void refusesInternalAddresses(String address) throws Exception {
		assertThat(WebhookGuard.isInternal(InetAddress.getByName(address))).isTrue();
		WebhookGuard guard = new WebhookGuard(List.of());
		assertThatExceptionOfType(WebhookGuard.BlockedAddressException.class).isThrownBy(() -> guard.resolve(address))
			.withMessageContaining("adresse bloquée");
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111" })
	void acceptsPublicAddresses(String address) throws Exception {
		assertThat(WebhookGuard.isInternal(InetAddress.getByName(address))).isFalse();
		assertThat(new WebhookGuard(List.of()).resolve(address)).hasSize(1);
	}

	@Test
	void opensAllowedNetworksAndHosts() throws Exception {
		WebhookGuard guard = new WebhookGuard(List.of("192.168.0.0/16", "127.0.0.1", "localhost"));
		assertThat(guard.resolve("192.168.4.2")).hasSize(1);
		assertThat(guard.resolve("127.0.0.1")).hasSize(1);
		assertThat(guard.resolve("localhost")).isNotEmpty();
		assertThatExceptionOfType(WebhookGuard.BlockedAddressException.class)
			.isThrownBy(() -> guard.resolve("127.0.0.2"));
		assertThatExceptionOfType(WebhookGuard.BlockedAddressException.class)
			.isThrownBy(() -> guard.resolve("169.254.169.254"));
	}

	@Test
	void refusesAHostNameThatResolvesToAnInternalAddress() {
		assertThatExceptionOfType(WebhookGuard.BlockedAddressException.class)
			.isThrownBy(() -> new WebhookGuard(List.of()).resolve("localhost"));
	}

	@Test
	void namesThePropertyOfABadAllowListEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookGuard.parseAllowed("10.0.0.0/40"))
			.withMessageContaining("dispycluster.scheduler.workflow.webhook-allowed");
	}

}
