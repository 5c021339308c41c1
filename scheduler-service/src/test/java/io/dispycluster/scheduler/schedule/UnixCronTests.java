package io.dispycluster.scheduler.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnixCronTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0 6 * * *         | 0 0 6 * * ?
			*/15 * * * *      | 0 0,15,30,45 * * * ?
			0 0 1 1 *         | 0 0 0 1 1 ?
			30 22 * * 1-5     | 0 30 22 ? * 2,3,4,5,6
			0 6 * * 0         | 0 0 6 ? * 1
			0 6 * * 7         | 0 0 6 ? * 1
			0 6 * * 5-7       | 0 0 6 ? * 1,6,7
			0 6 * * sun,SAT   | 0 0 6 ? * 1,7
			0 6 * jan-mar *   | 0 0 6 * 1,2,3 ?
			0 6 */10 * *      | 0 0 6 1,11,21,31 * ?
			0 0-4/2 * * *     | 0 0 0,2,4 * * ?
			5/20 * * * *      | 0 5,25,45 * * * ?
			@daily            | 0 0 0 * * ?
			@weekly           | 0 0 0 ? * 1
			@hourly           | 0 0 * * * ?
			0 6 1-31 * 1      | 0 0 6 * * ?
			""")
	void translatesToQuartz(String unix, String quartz) {
		UnixCron cron = UnixCron.parse(unix);
		assertThat(cron.quartzExpressions()).containsExactly(quartz);
		assertThat(CronExpression.isValidExpression(quartz)).isTrue();
	}

	@Test
	void matchesEitherDayFieldWhenBothAreRestricted() {
		assertThat(UnixCron.parse("0 6 1,15 * 1").quartzExpressions()).containsExactly("0 0 6 1,15 * ?", "0 0 6 ? * 2");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			' 0 6 * * 0 '              | 0 6 * * 0
			'0  6   *  *	1-5'          | 0 6 * * 1-5
			'  */15 *		* * MON-fri ' | */15 * * * MON-fri
			' @Daily '                 | @daily
			'@HOURLY'                  | @hourly
			""")
	void showsTheExpressionInNormalForm(String written, String shown) {
		// fields one space apart and macros in lower case; values stay as written
		assertThat(UnixCron.parse(written).expression()).isEqualTo(shown);
		assertThat(UnixCron.parse(written).quartzExpressions()).isEqualTo(UnixCron.parse(shown).quartzExpressions());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *",
			"* * * 13 *", "* * * * 8", "5-1 * * * *", "*/0 * * * *", "a * * * *", "1,,2 * * * *", "@reboot",
			"1-2-3 * * * *", "*/2 * */2 * 1",
			// digits of other scripts, which Character.isDigit and Integer.parseInt take
			"\uff15 * * * *", "0 \u0663 * * *" })
	void refusesInvalidExpressions(String expression) {
		assertThatIllegalArgumentException().isThrownBy(() -> UnixCron.parse(expression));
	}

	@Test
	void namesTheFaultyField() {
		assertThatIllegalArgumentException().isThrownBy(() -> UnixCron.parse("0 25 * * *"))
			.withMessage("hour: 25 is out of range 0-23");
	}

}
