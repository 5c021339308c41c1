package io.dispycluster.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curl examples of {@code docs/api.md}, read the way the top of that file tells its
 * readers to read them.
 *
 * <ul>
 * <li>An example is a {@code bash} code block whose first line starts with {@code curl};
 * each line starting with {@code curl} begins one call.</li>
 * <li>A comment line {@code # → 404} after a call gives its expected status (200 when
 * there is none); {@code sets JOB_ID from job_ids[1]} on that line names a value of its
 * answer that later examples use as {@code $JOB_ID}.</li>
 * <li>A code block right after the example ({@code json}, {@code csv}) shows the answer
 * of its last call.</li>
 * </ul>
 */
final class ApiDocExamples {

	private static final Pattern FENCE = Pattern.compile("^```\\s*(\\w*)\\s*$");

	private static final Pattern EXPECTATION = Pattern.compile("^#\\s*→\\s*(\\d{3})\\b(.*)$");

	private static final Pattern CAPTURE = Pattern.compile("sets ([A-Z][A-Z0-9_]*) from ([a-z_][a-z0-9_.\\[\\]]*)");

	/** A section heading that documents endpoints, e.g. "### `GET /jobs`, `GET /x`". */
	private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) [^`]+`");

	private ApiDocExamples() {
	}

	/** A value of an answer that later examples read from an environment variable. */
	record Capture(String variable, String path) {
	}

	/** One curl call of an example and what the docs say it answers. */
	record Call(String command, int status, List<Capture> captures) {

		boolean readOnly() {
			return !this.command.matches("(?s).*\\s(-X\\s*(POST|PUT|DELETE|PATCH)|-d|--data\\S*)\\s.*");
		}

	}

	/**
	 * A code block of curl calls.
	 *
	 * @param section the heading it is under
	 * @param sectionLine that heading's line, counted from 1
	 * @param line its first line in the file, counted from 1
	 * @param script the block as written
	 * @param calls its calls in order
	 * @param answerType the language of the block that shows the answer, or null
	 * @param answer that block's text, or null
	 */
	record Example(String section, int sectionLine, int line, String script, List<Call> calls, String answerType,
			String answer) {

		boolean readOnly() {
			return this.calls.stream().allMatch(Call::readOnly);
		}

		@Override
		public String toString() {
			return "api.md:" + this.line + " " + this.section;
		}

	}

	/**
	 * A heading that names endpoints, with how many it names and how many curl calls its
	 * section shows.
	 */
	record EndpointSection(String heading, int endpoints, int calls) {
	}

	static List<Example> read(Path file) throws IOException {
		return parse(Files.readAllLines(file));
	}

	static List<Example> parse(List<String> lines) {
		List<Example> examples = new ArrayList<>();
		String section = "";
		int sectionLine = 0;
		int i = 0;
		while (i < lines.size()) {
			String line = lines.get(i);
			Matcher fence = FENCE.matcher(line);
			if (!fence.matches()) {
				if (line.startsWith("#")) {
					section = line.replaceFirst("^#+\\s*", "");
					sectionLine = i + 1;
				}
				i++;
				continue;
			}
			int end = closingFence(lines, i);
			List<String> body = lines.subList(i + 1, end);
			if (fence.group(1).equals("bash") && !body.isEmpty() && body.get(0).startsWith("curl")) {
				examples.add(example(lines, section, sectionLine, i, end, body));
			}
			i = end + 1;
		}
		return examples;
	}

	/** Every section that documents endpoints, with the curl calls it shows. */
	static List<EndpointSection> endpointSections(List<String> lines, List<Example> examples) {
		List<EndpointSection> sections = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("### ")) {
				String heading = lines.get(i).substring(4);
				int headingLine = i + 1;
				int endpoints = (int) ENDPOINT.matcher(heading).results().count();
				if (endpoints > 0) {
					int calls = examples.stream()
						.filter((example) -> example.sectionLine() == headingLine)
						.mapToInt((example) -> example.calls().size())
						.sum();
					sections.add(new EndpointSection(heading, endpoints, calls));
				}
			}
		}
		return sections;
	}

	private static Example example(List<String> lines, String section, int sectionLine, int start, int end,
			List<String> body) {
		String answerType = null;
		String answer = null;
		int next = end + 1;
		while (next < lines.size() && lines.get(next).isBlank()) {
			next++;
		}
		if (next < lines.size()) {
			Matcher fence = FENCE.matcher(lines.get(next));
			if (fence.matches() && !fence.group(1).equals("bash")) {
				answerType = fence.group(1);
				answer = String.join("\n", lines.subList(next + 1, closingFence(lines, next)));
			}
		}
		return new Example(section, sectionLine, start + 1, String.join("\n", body), calls(body), answerType, answer);
	}

	private static List<Call> calls(List<String> body) {
		List<Call> calls = new ArrayList<>();
		StringBuilder command = null;
		int status = 200;
		List<Capture> captures = new ArrayList<>();
		for (String line : body) {
			Matcher expectation = EXPECTATION.matcher(line.trim());
			if (line.startsWith("curl")) {
				if (command != null) {
					calls.add(new Call(command.toString(), status, captures));
				}
				command = new StringBuilder();
				status = 200;
				captures = new ArrayList<>();
			}
			if (expectation.matches()) {
				status = Integer.parseInt(expectation.group(1));
				Matcher capture = CAPTURE.matcher(expectation.group(2));
				while (capture.find()) {
					captures.add(new Capture(capture.group(1), capture.group(2)));
				}
			}
			else if (!line.trim().startsWith("#") && command != null) {
				command.append(line).append('\n');
			}
		}
		if (command != null) {
			calls.add(new Call(command.toString(), status, captures));
		}
		return calls;
	}

	private static int closingFence(List<String> lines, int opening) {
		for (int i = opening + 1; i < lines.size(); i++) {
			if (lines.get(i).trim().equals("```")) {
				return i;
			}
		}
		throw new IllegalStateException("Code block at line " + (opening + 1) + " is not closed");
	}

}
