package io.dispycluster.support.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers a service's endpoints ({@code /health}, {@code /jobs}, the gateway's
 * {@code /overview}, ...) and its problems in JSON whatever the {@code Accept} header
 * asks for: a type the endpoint cannot produce ({@code text/html} from a browser,
 * {@code text/plain} from a health-check tool) gets the JSON rather than a 406, as RFC
 * 9110 (12.5.1) allows. A health check must see the health, not a refusal of its header.
 * The gateway's routes are not concerned: the services get the client's header as sent.
 */
class JsonWhateverAccept implements WebMvcConfigurer {

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new AnyTypeLast(new HeaderContentNegotiationStrategy())));
	}

	/** The types the client accepts, followed by any type as its last choice. */
	private record AnyTypeLast(ContentNegotiationStrategy accepted) implements ContentNegotiationStrategy {

		private static final MediaType LAST_CHOICE = new MediaType(MediaType.ALL, Map.of("q", "0.001"));

		@Override
		public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
			List<MediaType> types = new ArrayList<>(this.accepted.resolveMediaTypes(request));
			if (!types.contains(MediaType.ALL)) {
				// lowest quality: an acceptable type the endpoint produces still wins
				types.add(LAST_CHOICE);
			}
			return types;
		}

	}

}
