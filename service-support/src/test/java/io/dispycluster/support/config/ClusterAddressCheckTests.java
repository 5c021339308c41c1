package io.dispycluster.support.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClusterAddressCheckTests {

	private final Map<String, String> config = new LinkedHashMap<>(
			Map.of("dispycluster.services.controller", "http://master.lan:8081", "dispycluster.services.monitoring",
					"http://master.lan:8082", "dispycluster.services.scheduler", "http://master.lan:8083"));

	@Test
	void acceptsTheExampleLayout() {
		node(0, "pi-node-1", "192.168.1.21", "8080");
		node(1, "pi-node-2", "192.168.1.22", null);
		this.config.put("dispycluster.nodes[2].name", "master.lan");
		assertThatCode(this::check).doesNotThrowAnyException();
	}

	@Test
	void acceptsNoConfigurationAtAll() {
		this.config.clear();
		assertThatCode(this::check).doesNotThrowAnyException();
	}

	@Test
	void refusesTwoServicesOnOnePort() {
		this.config.put("dispycluster.services.scheduler", "http://MASTER.lan:8082/");
		assertRefused("dispycluster.services.", "points to master.lan:8082, already used by dispycluster.services.");
	}

	@Test
	void refusesAServiceUrlThatIsNotHttp() {
		this.config.put("dispycluster.services.monitoring", "master.lan:8082");
		assertRefused("dispycluster.services.monitoring", "must be an http:// or https:// URL");
	}

	@Test
	void refusesAServiceUrlThatIsNotAUrl() {
		this.config.put("dispycluster.services.monitoring", "http://master lan:8082");
		assertRefused("dispycluster.services.monitoring", "is not a URL");
	}

	@Test
	void refusesANodeOnAServicePort() {
		node(0, "pi-node-1", "master.lan", "8081");
		assertRefused("dispycluster.nodes[0]", "already used by dispycluster.services.controller");
	}

	@Test
	void refusesTwoNodesOnOneAddressCountingTheDefaultPort() {
		node(0, "pi-node-1", "192.168.1.21", "8080");
		node(1, "pi-node-1b", "192.168.1.21", null);
		assertRefused("dispycluster.nodes[1]", "points to 192.168.1.21:8080, already used by dispycluster.nodes[0]");
	}

	@Test
	void refusesTwoNodesWithOneName() {
		node(0, "pi-node-1", "192.168.1.21", null);
		node(1, "pi-node-1", "192.168.1.22", null);
		assertRefused("dispycluster.nodes[1].name", "'pi-node-1' is already the name of dispycluster.nodes[0]");
	}

	@Test
	void refusesANodeWithoutAName() {
		this.config.put("dispycluster.nodes[0].host", "192.168.1.21");
		assertRefused("dispycluster.nodes[0].name", "every node needs a name");
	}

	@Test
	void refusesAPortOutOfRange() {
		node(0, "pi-node-1", "192.168.1.21", "70000");
		assertRefused("dispycluster.nodes[0].port", "70000 is not a port");
	}

	private void node(int index, String name, String host, String port) {
		this.config.put("dispycluster.nodes[" + index + "].name", name);
		this.config.put("dispycluster.nodes[" + index + "].host", host);
		if (port != null) {
			this.config.put("dispycluster.nodes[" + index + "].port", port);
		}
	}

	private void check() {
		ClusterAddressCheck.check(new Binder(new MapConfigurationPropertySource(this.config)));
	}

	private void assertRefused(String property, String message) {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(this::check)
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getProperty()).startsWith(property))
			.withMessageContaining(message);
	}

}
