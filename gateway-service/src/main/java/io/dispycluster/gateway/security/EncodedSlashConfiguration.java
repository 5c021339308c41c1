package io.dispycluster.gateway.security;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a path with an encoded slash ({@code %2F}) reach the gateway, still encoded,
 * instead of Tomcat's bare 400: the routes judge it like any other path (a service's
 * private path decoded from it is refused with the usual 404 problem), and any other
 * routed one gets a 400 problem that says why, since every service's Tomcat would refuse
 * it.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSlashesKeptEncoded() {
		return (connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

}
