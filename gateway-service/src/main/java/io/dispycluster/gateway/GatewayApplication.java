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
		SpringApplication.run(GatewayApplication.class, args);
	}

}
