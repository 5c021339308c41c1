package io.dispycluster.worker.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the worker reads, under {@code dispycluster.worker}.
 *
 * @param maxRequestBodySize the largest body of a request to the worker (an assignment, a
 * synchronous {@code POST /scrape}); default 2MB, twice the controller's default
 * {@code max-body-size}, so that any job the controller takes fits in its assignment
 */
@ConfigurationProperties("dispycluster.worker")
record BodyLimitProperties(@DefaultValue("2MB") DataSize maxRequestBodySize) {

	BodyLimitProperties {
		if (maxRequestBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException(
					"dispycluster.worker.max-request-body-size must be positive, was " + maxRequestBodySize);
		}
	}

}
