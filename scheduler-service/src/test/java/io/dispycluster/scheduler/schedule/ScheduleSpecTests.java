package io.dispycluster.scheduler.schedule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.spi.OperableTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScheduleSpecTests {

	// A Monday.
	private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

	private static final JobKey JOB = JobKey.jobKey("task_1", "task");

	@Test
	void firesSundayCronOnSundayWhetherWrittenZeroOrSeven() {
		for (String sunday : List.of("0 6 * * 0", "0 6 * * 7", "0 6 * * SUN")) {
			Instant next = firstFire(cron(sunday, "UTC"));
			assertThat(next).isEqualTo(Instant.parse("2026-12-13T06:00:00Z"));
			assertThat(next.atZone(ZoneId.of("UTC")).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		}
	}

	@Test
	void readsCronInItsTimeZone() {
		// 06:00 in New York in December (EST, UTC-5) is 11:00 UTC.
		assertThat(firstFire(cron("0 6 * * *", "America/New_York"))).isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));
		// In July (EDT, UTC-4) it is 10:00 UTC.
		ScheduleSpec summer = cron("0 6 * * *", "America/New_York");
		assertThat(firstFire(summer, Instant.parse("2026-07-06T00:00:00Z")))
			.isEqualTo(Instant.parse("2026-07-06T10:00:00Z"));
	}

	@Test
	void readsATimeZoneNameWhateverItsCase() {
		ScheduleSpec lower = cron("0 6 * * *", "america/new_york");
		assertThat(firstFire(lower)).isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));
		assertThat(lower.config()).containsEntry("timezone", "America/New_York");
		assertThat(firstFire(cron("0 6 * * *", "utc"))).isEqualTo(Instant.parse("2026-12-08T06:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTC+2", "UTC+02:00", "GMT+2", "UT+2", "+02:00", "Etc/GMT-2" })
	void readsCronInATimeZoneGivenAsAnOffset(String zone) {
		// a zone Java's TimeZone did not know stood for UTC: 06:00 at UTC+2 fired at
		// 06:00
		// UTC
		assertThat(firstFire(cron("0 6 * * *", zone))).isEqualTo(Instant.parse("2026-12-08T04:00:00Z"));
		assertThat(ScheduleSpec.parse(ScheduleType.ONCE, Map.of("datetime", "2030-01-01T06:00", "timezone", zone), NOW)
			.config()).isEqualTo(Map.of("datetime", "2030-01-01T04:00:00Z"));
	}

	@Test
	void firesWhenEitherDayMatches() {
		// The 15th or a Monday: after Monday the 7th at 08:00 the next is Monday the
		// 14th.
		ScheduleSpec spec = cron("0 6 15 * 1", "UTC");
		assertThat(firstFire(spec)).isEqualTo(Instant.parse("2026-12-14T06:00:00Z"));
		assertThat(firstFire(spec, Instant.parse("2026-12-14T07:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-15T06:00:00Z"));
	}

	@Test
	void defaultsCronToEveryHourAndIntervalToOneHour() {
		assertThat(ScheduleSpec.parse(ScheduleType.CRON, Map.of(), NOW).config())
			.isEqualTo(Map.of("cron", "0 * * * *"));
		ScheduleSpec interval = ScheduleSpec.parse(ScheduleType.INTERVAL, null, NOW);
		assertThat(interval.config()).isEqualTo(Map.of("seconds", 3600L));
		assertThat(firstFire(interval)).isEqualTo(NOW.plusSeconds(3600));
		assertThat(interval.describe()).isEqualTo("interval[1:00:00]");
	}

	@Test
	void firesAnIntervalEveryPeriodStartingOnePeriodFromNow() {
		ScheduleSpec spec = ScheduleSpec.parse(ScheduleType.INTERVAL, Map.of("seconds", 300), NOW);
		OperableTrigger trigger = (OperableTrigger) single(spec.triggers(JOB, NOW));
		Date first = trigger.computeFirstFireTime(null);
		assertThat(first.toInstant()).isEqualTo(NOW.plusSeconds(300));
		assertThat(trigger.getFireTimeAfter(first).toInstant()).isEqualTo(NOW.plusSeconds(600));
		assertThat(spec.describe()).isEqualTo("interval[0:05:00]");
	}

	@Test
	void runsOnceNowWhenTheDateIsMissingOrPast() {
		assertThat(ScheduleSpec.parse(null, Map.of(), NOW)).isEqualTo(new ScheduleSpec.Once(NOW));
		ScheduleSpec past = ScheduleSpec.parse(ScheduleType.ONCE, Map.of("datetime", "2020-01-01T00:00:00Z"), NOW);
		assertThat(firstFire(past)).isEqualTo(NOW);
		// the date is kept as given, so that the same date sent again is the same
		// schedule
		assertThat(past.config()).isEqualTo(Map.of("datetime", "2020-01-01T00:00:00Z"));
	}

	@Test
	void tellsTheSameScheduleFromAnother() {
		assertThat(cron("0 6 * * 0", "Europe/Paris").isSameAs(cron("0 6 * * 0", "Europe/Paris"))).isTrue();
		assertThat(cron("0 6 * * 0", "Europe/Paris").isSameAs(cron("0 6 * * 0", "UTC"))).isFalse();
		// the same expression typed with other spacing is the same schedule, so that an
		// update keeps its fires
		assertThat(cron("0  6 * *  0 ", "Europe/Paris").isSameAs(cron("0 6 * * 0", "Europe/Paris"))).isTrue();
		assertThat(ScheduleSpec.parse(ScheduleType.INTERVAL, Map.of("seconds", "60"), NOW)
			.isSameAs(ScheduleSpec.parse(ScheduleType.INTERVAL, Map.of("seconds", 60), NOW))).isTrue();
		assertThat(ScheduleSpec.parse(ScheduleType.ONCE, Map.of("datetime", "2020-01-01T01:00:00+01:00"), NOW)
			.isSameAs(ScheduleSpec.parse(ScheduleType.ONCE, Map.of("datetime", "2020-01-01T00:00:00Z"), NOW))).isTrue();
		assertThat(ScheduleSpec.parse(ScheduleType.ONCE, Map.of(), NOW)
			.isSameAs(ScheduleSpec.parse(ScheduleType.ONCE, Map.of(), NOW.plusSeconds(1)))).isFalse();
	}

	@Test
	void keepsAOnceDateToTheMillisecondAsItFires() {
		// Quartz fires to the millisecond, and every time of the API is shown so
		ScheduleSpec spec = ScheduleSpec.parse(ScheduleType.ONCE,
				Map.of("datetime", "2030-01-01T10:00:00.123456789+02:00"), NOW);
		assertThat(spec.config()).isEqualTo(Map.of("datetime", "2030-01-01T08:00:00.123Z"));
		assertThat(spec.describe()).isEqualTo("date[2030-01-01T08:00:00.123Z]");
		assertThat(spec
			.isSameAs(ScheduleSpec.parse(ScheduleType.ONCE, Map.of("datetime", "2030-01-01T08:00:00.123999Z"), NOW)))
			.isTrue();
	}

	@Test
	void readsOnceDatesWithOrWithoutOffset() {
		assertThat(once("2030-01-01T10:00:00Z", null)).isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
		assertThat(once("2030-01-01T10:00:00+02:00", null)).isEqualTo(Instant.parse("2030-01-01T08:00:00Z"));
		assertThat(once("2030-01-01T10:00:00", "Europe/Paris")).isEqualTo(Instant.parse("2030-01-01T09:00:00Z"));
		assertThat(once("2030-01-01 10:00:00", "UTC")).isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
		assertThat(once("2030-01-01", "UTC")).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		ZonedDateTime local = ZonedDateTime.of(2030, 1, 1, 10, 0, 0, 0, ZoneId.systemDefault());
		assertThat(once("2030-01-01T10:00:00", null)).isEqualTo(local.toInstant());
	}

	@Test
	void readsIntervalSecondsInTheLaxFormsOfTheOtherIntegers() {
		// as max_pages or priority: 60.0 and "60" are 60, as the upstream took them
		for (Object seconds : List.of(60, 60L, 60.0, "60", " 60.0 ", new BigDecimal("6E+1"))) {
			assertThat(ScheduleSpec.parse(ScheduleType.INTERVAL, Map.of("seconds", seconds), NOW))
				.isEqualTo(new ScheduleSpec.Interval(60));
		}
		for (Object tooLarge : List.of(1e30, new BigInteger("99999999999999999999"), "99999999999999")) {
			assertThatExceptionOfType(InvalidScheduleException.class)
				.isThrownBy(() -> ScheduleSpec.parse(ScheduleType.INTERVAL, Map.of("seconds", tooLarge), NOW))
				.withMessage("must be between 1 and " + ScheduleSpec.MAX_INTERVAL_SECONDS);
		}
	}

	@Test
	void namesTheFaultyKey() {
		assertInvalid(ScheduleType.CRON, Map.of("cron", "0 6 * *"), "cron");
		assertInvalid(ScheduleType.CRON, Map.of("cron", 5), "cron");
		assertInvalid(ScheduleType.CRON, Map.of("cron", "0 6 30 2 *"), "cron");
		assertInvalid(ScheduleType.CRON, Map.of("cron", "0 6 * * *", "timezone", "Mars/Olympus"), "timezone");
		assertInvalid(ScheduleType.INTERVAL, Map.of("seconds", 0), "seconds");
		assertInvalid(ScheduleType.INTERVAL, Map.of("seconds", 1.5), "seconds");
		assertInvalid(ScheduleType.INTERVAL, Map.of("seconds", "soon"), "seconds");
		assertInvalid(ScheduleType.ONCE, Map.of("datetime", "tomorrow"), "datetime");
		assertInvalid(ScheduleType.ONCE, Map.of("datetime", 12), "datetime");
	}

	@Test
	void firesATimeSkippedWhenTheClocksGoForwardOnceWhenTheyHaveMoved() {
		ScheduleSpec nightly = cron("30 2 * * *", "Europe/Paris");
		// clocks go forward on Sunday 28 March 2027 at 02:00: 02:30 does not exist that
		// day, so that night's fire is at 03:00 CEST, when the clocks have moved
		assertThat(fires(nightly, Instant.parse("2027-03-27T12:00:00Z"), 3)).containsExactly(
				Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-29T00:30:00Z"),
				Instant.parse("2027-03-30T00:30:00Z"));
		// a weekly task of that Sunday does not lose its week
		assertThat(fires(cron("15 2 * * 0", "Europe/Paris"), Instant.parse("2027-03-27T12:00:00Z"), 1))
			.containsExactly(Instant.parse("2027-03-28T01:00:00Z"));
		// in New York the clocks go forward on 14 March 2027
		assertThat(fires(cron("30 2 * * *", "America/New_York"), Instant.parse("2027-03-13T12:00:00Z"), 2))
			.containsExactly(Instant.parse("2027-03-14T07:00:00Z"), Instant.parse("2027-03-15T06:30:00Z"));
	}

	@Test
	void firesNothingTwiceWhereTheSkippedTimeFiresAnyway() {
		// 02:00 and 02:30 are skipped, 03:00 fires as every day: once
		assertThat(fires(cron("*/30 1-3 * * *", "Europe/Paris"), Instant.parse("2027-03-27T12:00:00Z"), 4))
			.containsExactly(Instant.parse("2027-03-28T00:00:00Z"), Instant.parse("2027-03-28T00:30:00Z"),
					Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-28T01:30:00Z"));
		// hourly: 23 fires in the 23 hours of that day, one an hour
		List<Instant> hourly = fires(cron("0 * * * *", "Europe/Paris"), Instant.parse("2027-03-27T22:59:00Z"), 24);
		assertThat(hourly).doesNotHaveDuplicates()
			.allSatisfy((fire) -> assertThat(fire.atZone(ZoneId.of("UTC")).getMinute()).isZero());
		assertThat(hourly.get(23)).isEqualTo(Instant.parse("2027-03-28T22:00:00Z"));
	}

	@Test
	void addsNoFireWhereNoTimeIsSkipped() {
		Instant from = Instant.parse("2027-03-27T12:00:00Z");
		// nothing between 02:00 and 03:00, a Monday-only task, a zone without summer time
		assertThat(((ScheduleSpec.Cron) cron("0 6 * * *", "Europe/Paris")).gapFires(from)).isEmpty();
		assertThat(((ScheduleSpec.Cron) cron("30 2 * * 1", "Europe/Paris")).gapFires(from)).isEmpty();
		assertThat(((ScheduleSpec.Cron) cron("30 2 * * *", "UTC")).gapFires(from)).isEmpty();
		assertThat(((ScheduleSpec.Cron) cron("30 2 * * *", "Asia/Tokyo")).gapFires(from)).isEmpty();
		// a nightly task in Paris: one a year, the next ten of them, each its own trigger
		List<Instant> gaps = ((ScheduleSpec.Cron) cron("30 2 * * *", "Europe/Paris")).gapFires(from);
		assertThat(gaps).hasSize(ScheduleSpec.Cron.GAPS_AHEAD).startsWith(Instant.parse("2027-03-28T01:00:00Z"));
		assertThat(cron("30 2 * * *", "Europe/Paris").triggers(JOB, from)).hasSize(1 + ScheduleSpec.Cron.GAPS_AHEAD)
			.extracting((trigger) -> trigger.getKey().getName())
			.contains("task_1#0", "task_1#gap-" + Instant.parse("2027-03-28T01:00:00Z").toEpochMilli());
	}

	@Test
	void firesATimeRepeatedWhenTheClocksGoBackOnce() {
		// clocks go back on Sunday 31 October 2027 at 03:00: 02:30 comes twice, and
		// fires once, at its second occurrence (CET)
		assertThat(fires(cron("30 2 * * *", "Europe/Paris"), Instant.parse("2027-10-30T12:00:00Z"), 2))
			.containsExactly(Instant.parse("2027-10-31T01:30:00Z"), Instant.parse("2027-11-01T01:30:00Z"));
		// also when the schedule is set during the first one
		assertThat(fires(cron("30 2 * * *", "Europe/Paris"), Instant.parse("2027-10-31T00:10:00Z"), 2))
			.containsExactly(Instant.parse("2027-10-31T01:30:00Z"), Instant.parse("2027-11-01T01:30:00Z"));
		assertThat(fires(cron("30 1 * * *", "America/New_York"), Instant.parse("2027-11-06T12:00:00Z"), 2))
			.containsExactly(Instant.parse("2027-11-07T06:30:00Z"), Instant.parse("2027-11-08T06:30:00Z"));
	}

	@Test
	void countsAnIntervalInRealTimeAcrossAChangeOfTheClocks() {
		ScheduleSpec daily = ScheduleSpec.parse(ScheduleType.INTERVAL, Map.of("seconds", 86400), NOW);
		assertThat(fires(daily, Instant.parse("2027-03-27T01:30:00Z"), 2))
			.containsExactly(Instant.parse("2027-03-28T01:30:00Z"), Instant.parse("2027-03-29T01:30:00Z"));
	}

	@Test
	void readsAOnceDateAroundDaylightSavingTimeAsDocumented() {
		// 02:30 skipped when the clocks go forward is read an hour later (03:30 CEST);
		// 02:30 repeated when they go back is its first occurrence (CEST)
		assertThat(once("2030-03-31T02:30", "Europe/Paris")).isEqualTo(Instant.parse("2030-03-31T01:30:00Z"));
		assertThat(once("2030-10-27T02:30", "Europe/Paris")).isEqualTo(Instant.parse("2030-10-27T00:30:00Z"));
	}

	/**
	 * The first fires of a schedule from a time, as Quartz's own triggers compute them,
	 * all of its triggers together, in order (a time two of them fire twice).
	 */
	private static List<Instant> fires(ScheduleSpec spec, Instant from, int count) {
		List<Instant> fires = new ArrayList<>();
		for (Trigger trigger : spec.triggers(JOB, from)) {
			OperableTrigger operable = (OperableTrigger) trigger;
			Date next = operable.computeFirstFireTime(null);
			for (int i = 0; i < count && next != null; i++) {
				fires.add(next.toInstant());
				next = operable.getFireTimeAfter(next);
			}
		}
		return fires.stream().sorted().limit(count).toList();
	}

	@Test
	void saysWhatToWriteForAnUnknownZone() {
		// "PST" or "EST" are no zone names (CST stands for three zones): the user is told
		// what to write instead
		for (String zone : List.of("PST", "est", "Mars/Olympus")) {
			assertThatExceptionOfType(InvalidScheduleException.class).isThrownBy(() -> cron("0 6 * * *", zone))
				.withMessage("unknown time zone '" + zone + "': use a name such as Europe/Paris or "
						+ "America/New_York, or an offset such as UTC+2");
		}
	}

	@Test
	void describesEachScheduleForTheScheduleList() {
		assertThat(cron("0 6 * * 0", "Europe/Paris").describe()).isEqualTo("cron[0 6 * * 0, Europe/Paris]");
		assertThat(cron(" 0\t6  * * 0", "Europe/Paris").describe()).isEqualTo("cron[0 6 * * 0, Europe/Paris]");
		assertThat(cron(" 0\t6  * * 0", "Europe/Paris").config()).containsEntry("cron", "0 6 * * 0");
		assertThat(ScheduleSpec.parse(ScheduleType.ONCE, Map.of("datetime", "2030-01-01T10:00:00Z"), NOW).describe())
			.isEqualTo("date[2030-01-01T10:00:00Z]");
	}

	private static void assertInvalid(ScheduleType type, Map<String, ?> config, String key) {
		assertThatExceptionOfType(InvalidScheduleException.class)
			.isThrownBy(() -> ScheduleSpec.parse(type, config, NOW))
			.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo(key));
	}

	private static Instant once(String datetime, String zone) {
		Map<String, Object> config = (zone != null) ? Map.of("datetime", datetime, "timezone", zone)
				: Map.of("datetime", datetime);
		return ((ScheduleSpec.Once) ScheduleSpec.parse(ScheduleType.ONCE, config, NOW)).at();
	}

	private static ScheduleSpec cron(String cron, String zone) {
		return ScheduleSpec.parse(ScheduleType.CRON, Map.of("cron", cron, "timezone", zone), NOW);
	}

	private static Instant firstFire(ScheduleSpec spec) {
		return firstFire(spec, NOW);
	}

	private static Instant firstFire(ScheduleSpec spec, Instant from) {
		return spec.triggers(JOB, from)
			.stream()
			.map((trigger) -> ((OperableTrigger) trigger).computeFirstFireTime(null).toInstant())
			.min(Instant::compareTo)
			.orElseThrow();
	}

	private static Trigger single(List<Trigger> triggers) {
		assertThat(triggers).hasSize(1);
		return triggers.get(0);
	}

}
