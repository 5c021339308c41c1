package io.dispycluster.controller.job;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ResultStreamerTests {

	private static final String RESULT = """
			{"crawled":["http://s.test/","http://s.test/a"],
			 "pii_by_url":{"http://s.test/":{"emails":["a@s.test"],"phones":[]}},
			 "pages":[
			   {"url":"http://s.test/","status":200,"title":"Home, \\"sweet\\"","depth":0,"links":3,"data":{"h1":"Hi"}},
			   {"url":"http://s.test/a","status":200,"title":"=SUM(A1)","depth":1,"links":0}
			 ],
			 "errors":{"http://s.test/x":"HTTP 404 / type text/html"}}
			""";

	private final ResultStreamer streamer = new ResultStreamer(JsonMapper.builder().build());

	@Test
	void streamsPagesAsAJsonArray() {
		assertThat(write(ResultFormat.JSON, RESULT))
			.isEqualTo("[{\"url\":\"http://s.test/\",\"status\":200,\"title\":\"Home, \\\"sweet\\\"\",\"depth\":0,"
					+ "\"links\":3,\"data\":{\"h1\":\"Hi\"}},{\"url\":\"http://s.test/a\",\"status\":200,"
					+ "\"title\":\"=SUM(A1)\",\"depth\":1,\"links\":0}]");
	}

	@Test
	void streamsOnePagePerLineAsNdjson() {
		assertThat(write(ResultFormat.NDJSON, RESULT).split("\n")).hasSize(2)
			.allSatisfy((line) -> assertThat(line).startsWith("{\"url\":"));
	}

	@Test
	void streamsCsvWithQuotingAndFormulaProtection() {
		assertThat(write(ResultFormat.CSV, RESULT)).isEqualTo("url,status,title,depth,links,data\r\n"
				+ "http://s.test/,200,\"Home, \"\"sweet\"\"\",0,3,\"{\"\"h1\"\":\"\"Hi\"\"}\"\r\n"
				+ "http://s.test/a,200,'=SUM(A1),1,0,\r\n");
	}

	@Test
	void writesAnEmptyListWhenTheResultHasNoPages() {
		assertThat(write(ResultFormat.JSON, "{\"crawled\":[],\"errors\":{}}")).isEqualTo("[]");
		assertThat(write(ResultFormat.CSV, "{}")).isEqualTo("url,status,title,depth,links,data\r\n");
	}

	private String write(ResultFormat format, String result) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.streamer.write(format, new StringReader(result), out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
