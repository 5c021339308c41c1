package io.dispycluster.support.body;

import java.io.IOException;
import java.net.URI;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import io.dispycluster.support.problem.Problems;

/**
 * Refuses request bodies larger than a limit with a 413 problem
 * ({@link Problems#payloadTooLarge}), so that a huge body cannot run a service out of
 * memory. A declared length over the limit is refused before any of the body is read. A
 * body without one (chunked) is counted as it is read, without being held: its stream
 * fails with a {@link BodyTooLargeException} at the first byte past the limit, which the
 * error handlers answer with the same 413; so a large limit (a worker's report) costs no
 * copy of the body. The limit may depend on the request (its path).
 */
public class BodyLimitFilter extends OncePerRequestFilter {

	private final Function<HttpServletRequest, DataSize> limitOf;

	private final JsonMapper json;

	/**
	 * @param limitOf the limit of a request's body
	 * @param json writes the problem
	 */
	public BodyLimitFilter(Function<HttpServletRequest, DataSize> limitOf, JsonMapper json) {
		this.limitOf = limitOf;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DataSize limit = this.limitOf.apply(request);
		long declared = request.getContentLengthLong();
		if (declared > limit.toBytes()) {
			refuse(request, response, limit);
			return;
		}
		// a declared length within the limit is held to by the server: only a body
		// without one needs counting
		chain.doFilter((declared == -1) ? new LimitedBodyRequest(request, limit) : request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
		ProblemDetail problem = Problems.payloadTooLarge(limit);
		problem.setInstance(URI.create(request.getRequestURI()));
		// the client may still be sending: do not keep the connection for the rest of it
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

	/** The request, its body failing past the limit. */
	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		private final DataSize limit;

		private ServletInputStream body;

		LimitedBodyRequest(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.body;
		}

	}

	/** A body stream that fails at the first byte past the limit. */
	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final DataSize limit;

		private long read;

		LimitedStream(ServletInputStream in, DataSize limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit.toBytes()) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
