package io.dispycluster.controller;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The DispyCluster controller: job intake, the persistent priority queue, the worker
 * registry and its health checks, dispatch with leases and failover, and results.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ControllerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ControllerApplication.class, args);
	}

}
