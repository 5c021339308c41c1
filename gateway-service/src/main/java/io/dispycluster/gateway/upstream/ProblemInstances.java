package io.dispycluster.gateway.upstream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Gives the client its own path in the {@code instance} of a problem a service answered
 * through a route that changed the path: {@code GET /cluster/jobs/x} gets
 * {@code "instance": "/cluster/jobs/x"}, not the controller's {@code /jobs/x}, which the
 * client never called. Only small {@code application/problem+json} error answers are
 * read; every other answer, and every answer of a route that keeps the path, streams
 * through untouched.
 */
final class ProblemInstances {

	// problems are a few hundred bytes; a larger error body passes through as it is
	private static final int MAX_PROBLEM_BYTES = 16 * 1024;

	private final JsonMapper jsonMapper;

	ProblemInstances(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The routed response, its problem body rewritten when it names the service's path.
	 */
	ServerResponse rewrite(ProxyExchange.Request request, ServerResponse response) {
		if (!response.statusCode().isError() || !isProblem(response.headers().getContentType())
				|| HttpMethod.HEAD.equals(request.getMethod())) {
			return response;
		}
		URI uri = request.getUri();
		String clientPath = request.getServerRequest().servletRequest().getRequestURI();
		if (uri == null || uri.getRawPath() == null || clientPath.equals(uri.getRawPath())
				|| response.headers().getContentLength() > MAX_PROBLEM_BYTES) {
			return response;
		}
		ServerRequest serverRequest = request.getServerRequest();
		InputStream body = MvcUtils.getAttribute(serverRequest, MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR);
		if (body == null) {
			return response;
		}
		byte[] read = readUpTo(body);
		byte[] rewritten = (read.length <= MAX_PROBLEM_BYTES) ? withInstance(read, uri.getRawPath(), clientPath) : null;
		if (rewritten == null) {
			// not one to rewrite: the client gets what was read, then the rest
			MvcUtils.putAttribute(serverRequest, MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR,
					new SequenceInputStream(new ByteArrayInputStream(read), body));
			return response;
		}
		MvcUtils.putAttribute(serverRequest, MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR,
				new ByteArrayInputStream(rewritten));
		response.headers().setContentLength(rewritten.length);
		return response;
	}

	private static boolean isProblem(@Nullable MediaType type) {
		return type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type);
	}

	private static byte[] readUpTo(InputStream body) {
		try {
			return body.readNBytes(MAX_PROBLEM_BYTES + 1);
		}
		catch (IOException ex) {
			try {
				// gives the connection back to the pool (closed) before the 502
				body.close();
			}
			catch (IOException closing) {
				ex.addSuppressed(closing);
			}
			throw new UncheckedIOException(ex);
		}
	}

	/** The problem with {@code clientPath} as its instance, or null if it is not one. */
	private byte @Nullable [] withInstance(byte[] body, String servicePath, String clientPath) {
		JsonNode problem;
		try {
			problem = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (!(problem instanceof ObjectNode object) || !object.path("instance").isString()
				|| !servicePath.equals(object.path("instance").asString())) {
			return null;
		}
		object.put("instance", clientPath);
		return this.jsonMapper.writeValueAsBytes(object);
	}

}
