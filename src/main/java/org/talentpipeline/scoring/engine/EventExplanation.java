package org.talentpipeline.scoring.engine;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Why one event moved a rating as it did: the place against the one the rating before it
 * expected in that field, and the change of the mean. {@link #sentence} gives the plain sentence
 * ("5th of 1,399 where about 23rd was expected: +261") from a message pattern with the numbers as
 * arguments {0} place, {1} field size, {2} expected place, {3} change (signed), {4} and {5} the place
 * and the expected place as English ordinals ("5th", "23rd"), so every language words it its own way.
 *
 * @param place the place taken (1 the best)
 * @param fieldSize how many competed
 * @param expectedPlace the place expected from the rating before, rounded; null where the field is unknown
 * @param fieldStrength the mean rating of the field before the event; null where unknown
 * @param before the rating before the event
 * @param after the rating after it
 */
public record EventExplanation(
        int place, int fieldSize, Integer expectedPlace, Double fieldStrength, Rating before, Rating after) {

    /** The explanation from an event's field (null where it was rated before fields were kept). */
    public static EventExplanation of(
            int place, int fieldSize, FieldSummary field, Rating before, Rating after, double beta) {
        if (field == null) {
            return new EventExplanation(place, fieldSize, null, null, before, after);
        }
        int expected = (int) Math.max(1, Math.min(fieldSize, Math.round(field.expectedPlace(before, beta, fieldSize))));
        return new EventExplanation(
                place, fieldSize, expected, Math.round(field.strength() * 10) / 10.0, before, after);
    }

    /** The change of the mean, rounded to a point. */
    public long change() {
        return Math.round(after.mu() - before.mu());
    }

    /** Which message explains it: with or without an expected place. */
    public String messageKey() {
        return expectedPlace == null ? "report.sentence.noField" : "report.sentence";
    }

    /** The arguments of the message: place, field size, expected place, signed change, the two places as ordinals. */
    public Object[] arguments() {
        long change = change();
        int expected = expectedPlace == null ? 0 : expectedPlace;
        return new Object[] {
            place, fieldSize, expected, (change > 0 ? "+" : "") + change, ordinal(place), ordinal(expected)
        };
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ... */
    static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n) + suffix;
    }

    /** The sentence from a message pattern (java.text.MessageFormat) in the reader's language. */
    public String sentence(String pattern, Locale locale) {
        return new MessageFormat(pattern, locale).format(arguments());
    }
}
