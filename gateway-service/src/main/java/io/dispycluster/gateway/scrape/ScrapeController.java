package io.dispycluster.gateway.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.dispycluster.gateway.system.Problems;
import io.dispycluster.gateway.upstream.Service;
import io.dispycluster.gateway.upstream.Upstreams;
import io.dispycluster.model.job.BatchScrapeRequest;
import io.dispycluster.model.job.ScrapeRequest;
import io.dispycluster.support.problem.InvalidRequestException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /scrape} and {@code POST /scrape/batch}: the body goes to the controller,
 * whose status and body come back unchanged (a 422 stays a 422).
 */
@RestController
class ScrapeController {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Upstreams upstreams;

	private final JsonMapper jsonMapper;

	ScrapeController(Upstreams upstreams, JsonMapper jsonMapper) {
		this.upstreams = upstreams;
		this.jsonMapper = jsonMapper;
	}

	@PostMapping("/scrape")
	@Operation(requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = ScrapeRequest.class))))
	ResponseEntity<byte[]> scrape(HttpServletRequest request) throws IOException {
		JsonNode json = parse(request);
		return forward(request, "/scrape", apply(() -> ScrapeBodies.single(json, query(request))));
	}

	@PostMapping("/scrape/batch")
	@Operation(requestBody = @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = BatchScrapeRequest.class))))
	ResponseEntity<byte[]> batch(HttpServletRequest request) throws IOException {
		JsonNode json = parse(request);
		return forward(request, "/scrape/batch", apply(() -> ScrapeBodies.batch(json, query(request))));
	}

	private ResponseEntity<byte[]> forward(HttpServletRequest request, String path, ObjectNode body) {
		// every character escaped, a lone surrogate too: the controller reads the very
		// text the client sent (encoded as UTF-8, a lone surrogate became '?')
		byte[] bytes = this.jsonMapper.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(body);
		return this.upstreams.forward(Service.CLUSTER_CONTROLLER, HttpMethod.POST, path, passedOn(request), bytes);
	}

	/**
	 * The client's headers the controller reads on a submission: its
	 * {@code Idempotency-Key}, so that a retry through the gateway gets the first job
	 * back (the request id is added to every call anyway).
	 */
	private static HttpHeaders passedOn(HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		String key = request.getHeader(IDEMPOTENCY_KEY);
		if (key != null) {
			headers.set(IDEMPOTENCY_KEY, key);
		}
		return headers;
	}

	/**
	 * The body as JSON, or null when there is none. Read here rather than bound, so that
	 * a {@code Content-Type} the web layer cannot parse gets the gateway's own 415.
	 */
	private @Nullable JsonNode parse(HttpServletRequest request) throws IOException {
		if (!hasBody(request)) {
			// whatever type it declares (curl -d '' says a form): the query form
			return null;
		}
		refuseContentEncoding(request.getHeader(HttpHeaders.CONTENT_ENCODING));
		Charset charset = jsonCharset(request.getContentType());
		byte[] body = request.getInputStream().readAllBytes();
		if (new String(body, charset).isBlank()) {
			return null;
		}
		try {
			// from the bytes when they are UTF-8 (or without a charset), so that the
			// parser detects a byte order mark or UTF-16 itself
			// numbers read as written: as doubles, 1e400 reached the controller as the
			// text "Infinity" and 1e-400 as 0.0, judged otherwise than the number sent
			ObjectReader reader = this.jsonMapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
			return StandardCharsets.UTF_8.equals(charset) ? reader.readTree(body)
					: reader.readTree(new String(body, charset));
		}
		catch (JacksonException ex) {
			// the problem every service answers for a body that is not JSON
			throw problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
					"Le corps de la requête n'est pas un JSON valide", ex);
		}
	}

	/**
	 * Whether the request carries a body at all (RFC 9112: a length above 0, or chunks).
	 * Judged on the headers, as the web server may have read a form body already.
	 */
	private static boolean hasBody(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		return length > 0 || (length == -1 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
	}

	/**
	 * Refuses a compressed body, which the gateway does not decode: read as it is, it was
	 * called malformed JSON.
	 */
	private static void refuseContentEncoding(@Nullable String encoding) {
		if (encoding == null || encoding.isBlank() || "identity".equalsIgnoreCase(encoding.trim())) {
			return;
		}
		ErrorResponseException refused = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported Media Type", "Content-Encoding non pris en charge : " + encoding, null);
		// RFC 9110: a 415 for a content coding says which ones are accepted
		refused.getHeaders().set(HttpHeaders.ACCEPT_ENCODING, "identity");
		throw refused;
	}

	/**
	 * The charset a JSON body is written in: the one its {@code Content-Type} declares
	 * (as the services read it), UTF-8 otherwise.
	 * @throws ErrorResponseException 415 when the body is declared as something else than
	 * JSON
	 */
	private static Charset jsonCharset(@Nullable String contentType) {
		if (contentType == null) {
			return StandardCharsets.UTF_8;
		}
		MediaType type = mediaType(contentType);
		if (!type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().endsWith("+json")) {
			throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
					"Le corps doit être du JSON (Content-Type: application/json)", null);
		}
		Charset declared = type.getCharset();
		return (declared != null) ? declared : StandardCharsets.UTF_8;
	}

	private static MediaType mediaType(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			// also an unknown charset, which the parsing checks
			throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
					"Content-Type illisible ou jeu de caractères inconnu : " + contentType, ex);
		}
	}

	private static ObjectNode apply(java.util.function.Supplier<ObjectNode> builder) {
		try {
			return builder.get();
		}
		catch (ScrapeBodies.NotAJsonObject ex) {
			// JSON of the wrong shape is an invalid value, as the controller says
			throw new InvalidRequestException("body", ex.getMessage());
		}
	}

	private static MultiValueMap<String, String> query(HttpServletRequest request) {
		// read from the query string only: the servlet's parameters would consume a body
		MultiValueMap<String, String> raw = UriComponentsBuilder.newInstance()
			.query(request.getQueryString())
			.build()
			.getQueryParams();
		MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
		raw.forEach((name, values) -> values
			.forEach((value) -> decoded.add(decode(name), (value != null) ? decode(value) : "")));
		return decoded;
	}

	/**
	 * A query parameter's name or value, decoded as UTF-8, as the routes' services decode
	 * theirs. An escape whose bytes are not UTF-8 ({@code %E9}, Latin-1's é) is refused
	 * with the 400 problem a route gives for it: it was decoded to U+FFFD, and the job
	 * crawled another URL than the one sent.
	 */
	private static String decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				int escaped = (i + 2 < text.length()) ? escapedByte(text.charAt(i + 1), text.charAt(i + 2)) : -1;
				if (escaped == -1) {
					// a stray '%': keep the text as sent, the controller judges the value
					return text;
				}
				bytes.write(escaped);
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "bad-request", HttpStatus.BAD_REQUEST.getReasonPhrase(),
					"Requête illisible : chaîne de requête invalide", ex);
		}
	}

	private static int escapedByte(char high, char low) {
		int value = (Character.digit(high, 16) << 4) | Character.digit(low, 16);
		return (Character.digit(high, 16) < 0 || Character.digit(low, 16) < 0) ? -1 : value;
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail,
			@Nullable Throwable cause) {
		return new ErrorResponseException(status, Problems.of(status, type, title, detail), cause);
	}

}
