package io.dispycluster.monitoring.alert;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A webhook the notifier could never call stops start-up naming the property, instead of
 * failing on the first alert.
 */
class AlertPropertiesTests {

	private static final String WEBHOOKS = "dispycluster.monitoring.alerts.notifications.webhooks";

	@ParameterizedTest
	@ValueSource(strings = { "http://ntfy.lan/alerts", "https://hooks.slack.example/services/T0/B0/x",
			"http://127.0.0.1:8090/hook" })
	void acceptsAnHttpWebhook(String url) {
		AlertProperties properties = bind(Map.of(WEBHOOKS + "[0].url", url));

		assertThat(properties.notifications().webhooks().get(0).url()).hasToString(url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "hooks.slack.example/services/T0/B0/x", "/hook", "ftp://files.lan/hook", "http:///hook",
			"mailto:ops@example.org" })
	void aWebhookThatIsNoHttpUrlStopsStartUpNamingTheProperty(String url) {
		assertThatThrownBy(() -> bind(Map.of(WEBHOOKS + "[0].url", "http://ntfy.lan/ok", WEBHOOKS + "[1].url", url)))
			.rootCause()
			.hasMessageStartingWith(WEBHOOKS + "[1].url must be an absolute http or https URL");
	}

	private static AlertProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("dispycluster.monitoring.alerts",
				AlertProperties.class);
	}

}
