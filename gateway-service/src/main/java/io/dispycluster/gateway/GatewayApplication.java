package io.dispycluster.gateway;

import java.io.IOException;

import io.dispycluster.gateway.security.ApiKeyHash;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The cluster's single front door: routes requests to the controller, monitoring and
 * scheduler, and answers the aggregate views itself.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) throws IOException {
		if (args.length > 0 && ApiKeyHash.COMMAND.equals(args[0])) {
			System.exit(ApiKeyHash.run(args, System.in, System.out, System.err));
		}
		// The JDK HTTP client keeps idle connections 20 minutes by default, far longer
		// than
		// the services keep them open; a POST sent on a connection the service has just
		// closed is not retried and would surface as a spurious 502.
		if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
			System.setProperty("jdk.httpclient.keepalive.timeout", "15");
		}
		SpringApplication.run(GatewayApplication.class, args);
	}

}
