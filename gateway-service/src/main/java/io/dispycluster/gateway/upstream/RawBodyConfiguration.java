package io.dispycluster.gateway.upstream;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Leaves every request body unread until the proxy streams it to the service. By default
 * Tomcat parses a form body ({@code application/x-www-form-urlencoded}) of a POST into
 * request parameters the moment anything asks for one, as the route's URI building does,
 * and the gateway's form filter then wrote a body of its own back from them: {@code a=1}
 * reached the service as {@code &a=1}, a JSON text sent with curl's default form type as
 * {@code %7B%22...=}, and a chunked one as nothing. Spring's form content filter did the
 * same for PUT, PATCH and DELETE, and the body went into the query string or was lost.
 * Both filters are off (application.yml); no endpoint of the gateway takes form
 * parameters, and a service judges the body it gets as sent.
 */
@Configuration(proxyBeanMethods = false)
class RawBodyConfiguration {

	@Bean
	TomcatConnectorCustomizer bodiesNeverParsedAsParameters() {
		return (connector) -> connector.setParseBodyMethods("");
	}

}
