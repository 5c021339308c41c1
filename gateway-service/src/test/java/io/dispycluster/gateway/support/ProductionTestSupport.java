package io.dispycluster.gateway.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The gateway as production runs it (the {@code production} profile) in front of the same
 * stub services: four API keys ({@link #OPS_KEY}, {@link #BURST_KEY},
 * {@link #REPORTS_KEY}, {@link #ACCENTED_KEY}), an internal token, 60 requests per minute
 * per client, one allowed CORS origin and a 1 KB body cap. Every test class extending it
 * shares this second Spring context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.profiles.active=production",
		"dispycluster.gateway.route-timeout=1s", "dispycluster.gateway.aggregate-timeout=1s",
		"dispycluster.gateway.connect-timeout=500ms", "dispycluster.security.api-keys[0].name=ops",
		"dispycluster.security.api-keys[0].sha256=f771652f9a92965572a30dfc3b69800161e14d9395c7e01b773d79b0b8948b38",
		"dispycluster.security.api-keys[1].name=burst",
		"dispycluster.security.api-keys[1].sha256=EB35F4B4BD151040FC8CA863DD7922606D001C68CD84192697A41EC5F88FEC60",
		"dispycluster.security.api-keys[2].name=reports",
		"dispycluster.security.api-keys[2].sha256=71f4756f11776ee18a818c476c1aa017f9152d21642bd52b38b500f51d916127",
		"dispycluster.security.api-keys[3].name=accented",
		"dispycluster.security.api-keys[3].sha256=32617ecd985ac27d0e6318304b0addc131aaf4df1b8e35f341d8f78bc935b9ee",
		"dispycluster.security.internal-token=" + ProductionTestSupport.INTERNAL_TOKEN,
		"dispycluster.security.rate-limit.requests-per-minute=60",
		"dispycluster.security.cors.allowed-origins=https://grafana.example.lan",
		"dispycluster.security.max-body-size=1KB" })
public abstract class ProductionTestSupport extends GatewayTestSupport {

	/** A key configured as {@code ops}. */
	protected static final String OPS_KEY = "test-ops-key-0001";

	/** A key configured as {@code burst}, kept for the rate limit tests. */
	protected static final String BURST_KEY = "test-burst-key-0002";

	/** A key configured as {@code reports}: a second client besides {@code ops}. */
	protected static final String REPORTS_KEY = "test-reports-key-0003";

	/**
	 * A key configured as {@code accented}, with non-ASCII characters: its {@code sha256}
	 * is that of its UTF-8, as {@code printf '%s' "$KEY" | sha256sum} gives.
	 */
	protected static final String ACCENTED_KEY = "clé-accentuée-0004";

	/** The cluster's internal token. */
	protected static final String INTERNAL_TOKEN = "internal-token-for-tests-0123456789";

}
