package io.dispycluster.gateway.openapi;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /swagger-ui} (and {@code /swagger-ui/}, its canonical form): a redirect to
 * the Swagger UI. springdoc serves only {@code /swagger-ui.html} and the files under
 * {@code /swagger-ui/}, so the folder itself, the address people type, was a 404. Off
 * whenever the Swagger UI is.
 */
@RestController
@ConditionalOnProperty(name = "springdoc.swagger-ui.enabled", matchIfMissing = true)
class SwaggerUiController {

	// relative, so that it holds behind a reverse proxy that keeps the path
	private static final URI SWAGGER_UI = URI.create("/swagger-ui/index.html");

	@GetMapping("/swagger-ui")
	ResponseEntity<Void> swaggerUi() {
		return ResponseEntity.status(HttpStatus.FOUND).location(SWAGGER_UI).build();
	}

}
