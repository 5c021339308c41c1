package io.dispycluster.controller.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies the controller reads, under {@code dispycluster.controller}.
 *
 * @param maxBodySize the largest body of every request but a worker's report (default
 * 1MB, and application.yml gives it the gateway's
 * {@code dispycluster.security.max-body-size}, so that what the gateway lets through is
 * never refused behind it)
 * @param maxReportSize the largest body of a worker's report ({@code POST
 * /internal/jobs/{id}/report}), which carries the whole result of a job (default 64MB;
 * taking one costs about twice its size in heap)
 */
@ConfigurationProperties("dispycluster.controller")
record BodyLimitProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("64MB") DataSize maxReportSize) {

	BodyLimitProperties {
		requirePositive("max-body-size", maxBodySize);
		requirePositive("max-report-size", maxReportSize);
	}

	private static void requirePositive(String name, DataSize size) {
		if (size.toBytes() <= 0) {
			throw new IllegalArgumentException("dispycluster.controller." + name + " must be positive, was " + size);
		}
	}

}
