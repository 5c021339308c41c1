package io.dispycluster.monitoring.system;

/**
 * Counted nouns in French messages: singular for 0 and 1, as French has it
 * ({@code 1 heure}, {@code 0 job}), plural from 2 ({@code 2 heures}).
 */
public final class French {

	private French() {
	}

	/** The count followed by the noun that agrees with it, e.g. {@code 1 heure}. */
	public static String count(long count, String singular, String plural) {
		return count + " " + noun(count, singular, plural);
	}

	/** The noun that agrees with the count. */
	public static String noun(long count, String singular, String plural) {
		return (Math.abs(count) < 2) ? singular : plural;
	}

}
